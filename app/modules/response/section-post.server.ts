/**
 * What a post to a section page holds, checked before anything is stored: only this section's
 * questions (a field of another section or round is a forged post), values of the right shape
 * and size (the shared zod schema), the save key, the revisions the answers were based on and
 * a conflict's resolution.
 */
import { formValues, validateForm, type FieldErrors } from "~/modules/forms/validation";
import { answersSchema, answerValues, fieldName, isChoiceType, isUnchangedWording, type AnswerValue, type FormQuestion } from "~/modules/questionnaire/questions";
import { PAGE_ID, RESOLVE, revName, SAVE_KEY, seenName, type ConflictView } from "./save-fields";

export type { ConflictView };
import type { StoredConflict } from "./save.server";

type Fields = Record<string, string | string[]>;

export type SectionPost =
  | { ok: false; status: 400; reason: "wrong-form" | "invalid"; errors: FieldErrors; values: Fields }
  | {
      ok: true;
      values: Fields;
      answers: Map<string, AnswerValue>;
      baseRevisions: Map<string, number>;
      saveKey: string | undefined;
      pageId: string | undefined;
    };

const PER_QUESTION = /^(q|rev|seen)_(.+)$/;

/** `proposedStarts`: the section texts a proposed wording starts from (proposed-start.server.ts). */
export function parseSectionPost(input: FormData | Fields, questions: FormQuestion[], proposedStarts: readonly string[] = []): SectionPost {
  const form = input instanceof FormData ? input : toFormData(input);
  const values = formValues(form);
  const ids = new Set(questions.map((q) => q.id));
  const forged = Object.keys(values).some((name) => {
    const match = PER_QUESTION.exec(name);
    return match ? !ids.has(match[2]!) : false;
  });
  const key = values[SAVE_KEY];
  const page = values[PAGE_ID];
  const revisionsOk = questions.every((q) => {
    const rev = values[revName(q.id)];
    return rev === undefined || (typeof rev === "string" && /^\d{1,9}$/.test(rev));
  });
  if (forged || !revisionsOk || !isToken(key) || !isToken(page)) {
    return { ok: false, status: 400, reason: "wrong-form", errors: {}, values };
  }
  const result = validateForm(form, answersSchema(questions, { requireAll: false }));
  if (!result.ok) return { ok: false, status: 400, reason: "invalid", errors: result.errors, values };

  const answers = answerValues(questions, result.data);
  // A text field missing from the post was not on the sender's form: leave its answer alone.
  // (An unticked choice is absent by nature: for those, absent means no choice.)
  for (const q of questions) if (!isChoiceType(q.type) && values[fieldName(q.id)] === undefined) answers.delete(q.id);
  // The wording field starts filled with the section's text: sent back unchanged, it proposes nothing.
  for (const q of questions) {
    const text = answers.get(q.id)?.text;
    if (q.type === "PROPOSED_WORDING" && text && isUnchangedWording(text, proposedStarts)) answers.set(q.id, { choices: [], text: null });
  }
  const baseRevisions = new Map<string, number>();
  for (const q of questions) {
    const rev = values[revName(q.id)];
    if (typeof rev === "string") baseRevisions.set(q.id, Number(rev));
  }
  // A conflict settled: "mine" saves over the version the person has now seen; "theirs" keeps it.
  const resolve = values[RESOLVE];
  if (typeof resolve === "string") {
    const [choice, questionId] = resolve.split(":");
    if (questionId && ids.has(questionId)) {
      const seen = values[seenName(questionId)];
      if (choice === "mine" && typeof seen === "string" && /^\d{1,9}$/.test(seen)) baseRevisions.set(questionId, Number(seen));
      if (choice === "theirs") answers.delete(questionId);
    }
  }
  return { ok: true, values, answers, baseRevisions, saveKey: typeof key === "string" ? key : undefined, pageId: typeof page === "string" ? page : undefined };
}

/** A save key or page id: absent, or one short token. */
const isToken = (value: string | string[] | undefined) => value === undefined || (typeof value === "string" && /^[\w-]{8,100}$/.test(value));

function toFormData(fields: Fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  return form;
}

/** An answer as a person reads it: the text, or the chosen options' labels. */
export function answerText(q: FormQuestion, value: { choices: string[]; text: string | null } | undefined): string {
  if (!value) return "";
  if (!isChoiceType(q.type)) return value.text ?? "";
  return value.choices.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join("; ");
}

export function conflictViews(conflicts: StoredConflict[], questions: FormQuestion[], when: (d: Date) => string): ConflictView[] {
  return conflicts.map((c) => {
    const q = questions.find((one) => one.id === c.questionId)!;
    return {
      questionId: c.questionId,
      theirsText: answerText(q, c.theirs),
      theirsValue: isChoiceType(q.type) ? (q.type === "MULTIPLE_CHOICE" ? c.theirs.choices : (c.theirs.choices[0] ?? "")) : (c.theirs.text ?? ""),
      revision: c.revision,
      by: c.by,
      at: when(new Date(c.at)),
    };
  });
}

/** The answers a stash holds, as a person reads them (question and text), to offer them back. */
export function keptAnswers(questions: FormQuestion[], values: Fields): Array<{ prompt: string; text: string }> {
  return questions.flatMap((q) => {
    const text = postedText(q, values);
    return text.trim() ? [{ prompt: q.prompt, text }] : [];
  });
}

function postedText(q: FormQuestion, values: Fields): string {
  const raw = values[fieldName(q.id)];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return isChoiceType(q.type) ? list.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join("; ") : list.join("");
}

/** The posted answers as plain text, to download when they could not be stored. */
export function answersAsText(title: string, questions: FormQuestion[], values: Fields): string {
  const blocks = questions.map((q, i) => `${i + 1}. ${q.prompt}\n\n${postedText(q, values)}\n`);
  return `${title}\n\n${blocks.join("\n")}`;
}
