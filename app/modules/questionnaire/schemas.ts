/**
 * The question form of the questionnaire builder, shared by the action and the browser.
 * Translations have one field per consultation language other than the original, so the
 * schema is built for a consultation's languages. Field names have no dots
 * (react-hook-form reads dots as nesting): `t_fr_prompt`, `t_fr_help`, `t_fr_options`.
 */
import { z } from "zod";
import { CONSULTATION_LANGUAGES } from "~/modules/consultation/schemas";
import type { QuestionOption, QuestionType } from "./questions";

export const QUESTION_TYPES: Array<{ id: QuestionType; label: string; hint: string }> = [
  { id: "SINGLE_CHOICE", label: "Single choice", hint: "One option from a list you write" },
  { id: "MULTIPLE_CHOICE", label: "Multiple choice", hint: "Any number of options from a list you write" },
  { id: "AGREEMENT", label: "Agreement scale", hint: "Strongly agree to strongly disagree, and “Don't know”" },
  { id: "YES_NO", label: "Yes or no", hint: "Yes, no" },
  { id: "SHORT_TEXT", label: "Short text", hint: "One line, up to 500 characters" },
  { id: "LONG_TEXT", label: "Long text", hint: "Paragraphs of comment" },
  { id: "PROPOSED_WORDING", label: "Proposed wording", hint: "The respondent edits the section's text into the wording they propose" },
];

export const typeLabel = (type: string) => QUESTION_TYPES.find((t) => t.id === type)?.label ?? type;

/** Types whose options the coordinator writes; agreement and yes/no have fixed sets. */
export const hasOwnOptions = (type: string) => type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE";

export const languageName = (id: string) => CONSULTATION_LANGUAGES.find((l) => l.id === id)?.label ?? id;

export const MAX_OPTIONS = 30;

/** One label per line; blank lines do not count. */
export const lines = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export const translationField = (language: string, part: "prompt" | "help" | "options") => `t_${language}_${part}`;

export type QuestionTranslationInput = { prompt: string; help: string; options: string[] };

export type QuestionInput = {
  type: QuestionType;
  sectionId: string | null;
  prompt: string;
  help: string;
  required: boolean;
  options: string[]; // labels, in order; empty unless the type has its own options
  translations: Record<string, QuestionTranslationInput>;
  startNew: boolean;
};

const text = (max: number, message: string) => z.string().optional().default("").transform((v) => v.trim()).pipe(z.string().max(max, message));

/** `translationLanguages`: the consultation's languages other than its first (original) one. */
export function questionFormSchema(translationLanguages: string[]) {
  const shape: Record<string, z.ZodType> = {
    type: z.enum(QUESTION_TYPES.map((t) => t.id) as [QuestionType, ...QuestionType[]], { error: "Choose the type of question" }),
    sectionId: z.string().optional().default(""),
    prompt: z
      .string()
      .optional()
      .default("")
      .transform((v) => v.trim())
      .pipe(z.string().min(1, "Write the question").max(1000, "Keep the question under 1,000 characters")),
    help: text(2000, "Keep the help text under 2,000 characters"),
    required: z.string().optional(),
    options: z.string().optional().default(""),
    startNew: z.string().optional(),
  };
  for (const language of translationLanguages) {
    shape[translationField(language, "prompt")] = text(1000, "Keep the translated question under 1,000 characters");
    shape[translationField(language, "help")] = text(2000, "Keep the translated help text under 2,000 characters");
    shape[translationField(language, "options")] = z.string().optional().default("");
  }

  return z
    .object(shape)
    .passthrough()
    .superRefine((raw, ctx) => {
      const v = raw as Record<string, string>;
      if (!hasOwnOptions(v.type ?? "")) return;
      const labels = lines(v.options ?? "");
      if (labels.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "Write at least two options, one per line" });
      else if (labels.length > MAX_OPTIONS) ctx.addIssue({ code: "custom", path: ["options"], message: `Keep to ${MAX_OPTIONS} options at most` });
      else if (labels.some((l) => l.length > 200)) ctx.addIssue({ code: "custom", path: ["options"], message: "Keep each option under 200 characters" });
      else {
        const lower = labels.map((l) => l.toLowerCase());
        const duplicate = labels.find((l, i) => lower.indexOf(l.toLowerCase()) !== i);
        if (duplicate) ctx.addIssue({ code: "custom", path: ["options"], message: `The option “${duplicate}” is there twice: each option must be different` });
      }
      for (const language of translationLanguages) {
        const name = translationField(language, "options");
        const translated = lines(v[name] ?? "");
        if (translated.length > 0 && translated.length !== labels.length) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: `Give one ${languageName(language)} label for each option, in the same order (${labels.length} lines)`,
          });
        }
      }
    })
    .transform((raw): QuestionInput => {
      const v = raw as Record<string, string | undefined>;
      const type = v.type as QuestionType;
      const own = hasOwnOptions(type);
      const translations: Record<string, QuestionTranslationInput> = {};
      for (const language of translationLanguages) {
        translations[language] = {
          prompt: v[translationField(language, "prompt")] ?? "",
          help: v[translationField(language, "help")] ?? "",
          options: own ? lines(v[translationField(language, "options")] ?? "") : [],
        };
      }
      return {
        type,
        sectionId: v.sectionId ? v.sectionId : null,
        prompt: v.prompt ?? "",
        help: v.help ?? "",
        required: v.required === "yes",
        options: own ? lines(v.options ?? "") : [],
        translations,
        startNew: v.startNew === "yes",
      };
    });
}

/** The copy form: which earlier round to copy from. */
export const CopySchema = z.object({
  fromRoundId: z.string({ error: "Choose the round to copy from" }).min(1, "Choose the round to copy from"),
});

/** A stored question as the form's values, the inverse of the schema's transform. */
export function questionFormValues(
  question: { type: QuestionType; sectionId: string | null; prompt: string; help: string; required: boolean; options: QuestionOption[]; translations: unknown },
  translationLanguages: string[],
): Record<string, string> {
  const own = hasOwnOptions(question.type);
  const values: Record<string, string> = {
    type: question.type,
    sectionId: question.sectionId ?? "",
    prompt: question.prompt,
    help: question.help,
    options: own ? question.options.map((o) => o.label).join("\n") : "",
  };
  if (question.required) values.required = "yes";
  const all = (question.translations && typeof question.translations === "object" ? question.translations : {}) as Record<
    string,
    { prompt?: string; help?: string; options?: Record<string, string> } | undefined
  >;
  for (const language of translationLanguages) {
    const t = all[language];
    values[translationField(language, "prompt")] = t?.prompt ?? "";
    values[translationField(language, "help")] = t?.help ?? "";
    const labels = question.options.map((o) => t?.options?.[o.id]);
    values[translationField(language, "options")] = own && labels.every((l) => l) ? labels.join("\n") : "";
  }
  return values;
}
