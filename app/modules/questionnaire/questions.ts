/**
 * Questions as the respondent's form sees them, and the one zod schema that validates a
 * section's answers in the browser (react-hook-form) and in the action alike.
 * Error messages are keys of the "common" namespace (app/modules/i18n/messages/common.ts): the
 * field shows them in the reader's language.
 * Field names: `q_<questionId>` (no dots: react-hook-form reads dots as nesting); choice answers are option ids, text answers strings.
 */
import { z } from "zod";
import { MAX_BODY_CHARACTERS } from "~/modules/document/schemas";

export type QuestionType =
  | "SINGLE_CHOICE"
  | "MULTIPLE_CHOICE"
  | "AGREEMENT"
  | "SHORT_TEXT"
  | "LONG_TEXT"
  | "PROPOSED_WORDING"
  | "YES_NO";

/** `from`: the label's language when shown untranslated (respondent pages only). */
export type QuestionOption = { id: string; label: string; from?: string };

export type FormQuestion = {
  id: string;
  type: QuestionType;
  prompt: string;
  help: string;
  required: boolean;
  options: QuestionOption[];
  /** Set when any of the question's text is shown in its original language (the note says so). */
  untranslatedFrom?: string;
  /** The language of the prompt, and of the help, when each is shown untranslated. */
  promptFrom?: string;
  helpFrom?: string;
};

export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 20_000;
/** A proposed wording starts from the whole section: it may be as long as a section's body. */
export const PROPOSED_WORDING_MAX = MAX_BODY_CHARACTERS;

/** Wording compared as a reader sees it: line endings and runs of whitespace do not count. */
const normalised = (text: string) => text.replace(/\s+/g, " ").trim();

/** Whether a proposed wording is the section's text it started from (any of its languages): no proposal. */
export const isUnchangedWording = (text: string, starts: readonly string[]) =>
  starts.some((start) => normalised(start) === normalised(text));

export const AGREEMENT_OPTIONS: QuestionOption[] = [
  { id: "strongly-agree", label: "Strongly agree" },
  { id: "agree", label: "Agree" },
  { id: "neutral", label: "Neither agree nor disagree" },
  { id: "disagree", label: "Disagree" },
  { id: "strongly-disagree", label: "Strongly disagree" },
  { id: "dont-know", label: "Don't know" },
];

export const YES_NO_OPTIONS: QuestionOption[] = [
  { id: "yes", label: "Yes" },
  { id: "no", label: "No" },
];

export const isChoiceType = (type: QuestionType) =>
  type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE" || type === "AGREEMENT" || type === "YES_NO";

/** The options a question offers: fixed sets for agreement and yes/no, else its own. */
export function optionsOf(type: QuestionType, stored: unknown): QuestionOption[] {
  if (type === "AGREEMENT") return AGREEMENT_OPTIONS;
  if (type === "YES_NO") return YES_NO_OPTIONS;
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (o): o is QuestionOption => typeof o === "object" && o !== null && typeof o.id === "string" && typeof o.label === "string",
  );
}

export const fieldName = (questionId: string) => `q_${questionId}`;

export type AnswerValue = { choices: string[]; text: string | null };

function questionSchema(q: FormQuestion) {
  const ids = q.options.map((o) => o.id);
  const pick = "validation.chooseOne";
  switch (q.type) {
    case "MULTIPLE_CHOICE": {
      const list = z
        .union([z.string(), z.array(z.string())])
        .optional()
        // Each option once: a repeated field must not count an organisation twice in the results.
        .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]))
        .refine((v) => v.every((id) => ids.includes(id)), "validation.chooseFromOptions");
      return q.required ? list.refine((v) => v.length > 0, "validation.chooseAtLeastOne") : list;
    }
    case "SINGLE_CHOICE":
    case "AGREEMENT":
    case "YES_NO": {
      const one = z
        .string()
        .optional()
        .transform((v) => (v ? [v] : []))
        .refine((v) => v.every((id) => ids.includes(id)), pick);
      return q.required ? one.refine((v) => v.length === 1, q.type === "YES_NO" ? "validation.chooseYesNo" : pick) : one;
    }
    default: {
      const max = q.type === "SHORT_TEXT" ? SHORT_TEXT_MAX : q.type === "PROPOSED_WORDING" ? PROPOSED_WORDING_MAX : LONG_TEXT_MAX;
      const tooLong = q.type === "SHORT_TEXT" ? "validation.tooLongShort" : q.type === "PROPOSED_WORDING" ? "validation.tooLongWording" : "validation.tooLongLong";
      const text = z
        .string()
        .optional()
        .transform((v) => (v ?? "").replace(/\r\n/g, "\n"))
        .refine((v) => v.length <= max, tooLong);
      return q.required ? text.refine((v) => v.trim().length > 0, "validation.answer") : text;
    }
  }
}

/**
 * The schema for one page of answers. `requireAll: false` lets a draft be saved half done;
 * required answers are enforced when the response is reviewed and submitted.
 */
export function answersSchema(questions: FormQuestion[], { requireAll }: { requireAll: boolean }) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of questions) shape[fieldName(q.id)] = questionSchema({ ...q, required: requireAll && q.required });
  return z.object(shape).passthrough();
}

/** Turns parsed form data into one value per question. */
export function answerValues(questions: FormQuestion[], parsed: Record<string, unknown>): Map<string, AnswerValue> {
  const values = new Map<string, AnswerValue>();
  for (const q of questions) {
    const v = parsed[fieldName(q.id)];
    if (isChoiceType(q.type)) values.set(q.id, { choices: Array.isArray(v) ? (v as string[]) : [], text: null });
    else values.set(q.id, { choices: [], text: typeof v === "string" && v.trim().length > 0 ? v : null });
  }
  return values;
}

export const isAnswered = (v: AnswerValue | undefined) => !!v && (v.choices.length > 0 || (v.text ?? "").trim().length > 0);
