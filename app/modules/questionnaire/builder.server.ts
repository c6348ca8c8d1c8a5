/**
 * Changing a round's questionnaire. Answers are never lost: once a question has answers, a
 * wording fix (question, help, translations, required flag, option labels or order) edits it
 * in place and respondents see the new wording; a change of meaning (type, section, adding or
 * removing options) retires it and starts a new question at the same place, the old answers
 * staying with the old question. A question with answers cannot be deleted, only retired.
 * Every change is audited in its transaction.
 */
import type { Prisma, Question, Round } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import type { FieldErrors } from "~/modules/forms/validation";
import { FIXED_OPTION_TRANSLATIONS } from "../../../prisma/seed/content";
import { planOptions } from "./options";
import { answerCounts, byPosition, questionnaireLock } from "./questionnaire.server";
import { optionsOf, type QuestionOption, type QuestionType } from "./questions";
import { hasOwnOptions, type QuestionInput } from "./schemas";

type Tx = Prisma.TransactionClient;
type RoundRef = Pick<Round, "id" | "consultationId" | "versionId" | "status">;
export type Change = { ok: true; questionId: string } | { ok: false; errors: FieldErrors };

export type StoredTranslation = { prompt?: string; help?: string; options?: Record<string, string> };

/** Labels of the fixed option sets (agreement, yes/no) in another language, when known. */
export function fixedOptionLabels(language: string, options: QuestionOption[]): Record<string, string> | undefined {
  const known = FIXED_OPTION_TRANSLATIONS[language] as Record<string, string> | undefined;
  return known ? Object.fromEntries(options.map((o) => [o.id, known[o.id] ?? o.label])) : undefined;
}

function translationsJson(input: QuestionInput, options: QuestionOption[]): Record<string, StoredTranslation> {
  const result: Record<string, StoredTranslation> = {};
  for (const [language, t] of Object.entries(input.translations)) {
    const entry: StoredTranslation = {};
    if (t.prompt) entry.prompt = t.prompt;
    if (t.help) entry.help = t.help;
    if (hasOwnOptions(input.type) && t.options.length === options.length && options.length > 0) {
      entry.options = Object.fromEntries(options.map((o, i) => [o.id, t.options[i]!]));
    }
    if (Object.keys(entry).length === 0) continue;
    if (!hasOwnOptions(input.type) && options.length > 0) entry.options = fixedOptionLabels(language, options);
    result[language] = entry;
  }
  return result;
}

/** JSON equality regardless of key order (jsonb does not keep it). */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)).map(([k, x]) => [k, canonical(x)]))
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

async function sectionProblem(tx: Tx, round: RoundRef, sectionId: string | null): Promise<string | null> {
  if (!sectionId) return null;
  const section = await tx.section.findFirst({ where: { id: sectionId, versionId: round.versionId } });
  return section ? null : "Choose a section of this round's draft, or the document as a whole";
}

function locked(round: RoundRef): { ok: false; errors: FieldErrors } | null {
  const problem = questionnaireLock(round.status);
  return problem ? { ok: false, errors: { form: problem } } : null;
}

function questionData(input: QuestionInput, options: QuestionOption[]) {
  return {
    type: input.type,
    sectionId: input.sectionId,
    prompt: input.prompt,
    help: input.help,
    required: input.required,
    options,
    translations: translationsJson(input, options) as Prisma.InputJsonObject,
  };
}

const auditBase = (actorId: string, round: RoundRef, question: Pick<Question, "id">) => ({
  actorId,
  entityType: "Question",
  entityId: question.id,
  consultationId: round.consultationId,
});

export async function addQuestion(actorId: string, round: RoundRef, input: QuestionInput): Promise<Change> {
  const refused = locked(round);
  if (refused) return refused;
  return db().$transaction(async (tx): Promise<Change> => {
    const problem = await sectionProblem(tx, round, input.sectionId);
    if (problem) return { ok: false, errors: { sectionId: problem } };
    const options = hasOwnOptions(input.type) ? planOptions([], input.options).options : optionsOf(input.type, []);
    const last = await tx.question.aggregate({ where: { roundId: round.id }, _max: { position: true } });
    const question = await tx.question.create({
      data: { roundId: round.id, position: (last._max.position ?? 0) + 1, ...questionData(input, options) },
    });
    await audit(tx, {
      ...auditBase(actorId, round, question),
      action: "questionnaire.question-added",
      data: { roundId: round.id, type: input.type, prompt: input.prompt },
    });
    return { ok: true, questionId: question.id };
  });
}

export type EditOutcome =
  | { ok: true; outcome: "unchanged" | "edited"; questionId: string }
  | { ok: true; outcome: "retired"; questionId: string; retiredId: string; answers: number }
  | { ok: false; errors: FieldErrors };

export async function editQuestion(actorId: string, round: RoundRef, questionId: string, input: QuestionInput): Promise<EditOutcome> {
  const refused = locked(round);
  if (refused) return refused;
  return db().$transaction(async (tx): Promise<EditOutcome> => {
    const old = await tx.question.findFirst({ where: { id: questionId, roundId: round.id } });
    if (!old || old.retiredAt) return { ok: false, errors: { form: "This question has been retired: it can no longer be edited." } };
    const problem = await sectionProblem(tx, round, input.sectionId);
    if (problem) return { ok: false, errors: { sectionId: problem } };

    const answers = (await answerCounts(tx, [old.id])).get(old.id) ?? 0;
    const oldOptions = optionsOf(old.type as QuestionType, old.options);
    const plan = hasOwnOptions(input.type) ? planOptions(hasOwnOptions(old.type) ? oldOptions : [], input.options) : null;
    const options = plan ? plan.options : optionsOf(input.type, []);
    const data = questionData(input, options);

    // What would change the meaning of the answers already given.
    const reasons = [
      ...(old.type !== input.type ? ["type"] : []),
      ...(old.sectionId !== input.sectionId ? ["section"] : []),
      ...(plan && old.type === input.type && !plan.sameIds ? ["options"] : []),
      ...(input.startNew ? ["requested"] : []),
    ];
    const changed = (["type", "sectionId", "prompt", "help", "required", "options", "translations"] as const).filter(
      (k) => !sameJson(old[k], data[k]),
    );

    if (answers > 0 && reasons.length > 0) {
      const now = new Date();
      await tx.question.update({ where: { id: old.id }, data: { retiredAt: now } });
      const replacement = await tx.question.create({
        data: { roundId: round.id, position: old.position, replacesId: old.id, ...data },
      });
      await audit(tx, {
        ...auditBase(actorId, round, old),
        action: "questionnaire.question-retired",
        data: { roundId: round.id, reasons, answers, replacementId: replacement.id },
      });
      await audit(tx, {
        ...auditBase(actorId, round, replacement),
        action: "questionnaire.question-added",
        data: { roundId: round.id, type: input.type, prompt: input.prompt, replacesId: old.id },
      });
      return { ok: true, outcome: "retired", questionId: replacement.id, retiredId: old.id, answers };
    }
    if (changed.length === 0) return { ok: true, outcome: "unchanged", questionId: old.id };

    await tx.question.update({ where: { id: old.id }, data });
    await audit(tx, {
      ...auditBase(actorId, round, old),
      action: "questionnaire.question-edited",
      data: { roundId: round.id, changed, answers, ...(plan?.relabelled.length ? { relabelled: plan.relabelled } : {}) },
    });
    return { ok: true, outcome: "edited", questionId: old.id };
  });
}

/** Respondents no longer see it; its answers stay readable. */
export async function retireQuestion(actorId: string, round: RoundRef, questionId: string): Promise<Change> {
  const refused = locked(round);
  if (refused) return refused;
  return db().$transaction(async (tx): Promise<Change> => {
    const question = await tx.question.findFirst({ where: { id: questionId, roundId: round.id, retiredAt: null } });
    if (!question) return { ok: false, errors: { form: "This question has already been retired." } };
    const answers = (await answerCounts(tx, [question.id])).get(question.id) ?? 0;
    await tx.question.update({ where: { id: question.id }, data: { retiredAt: new Date() } });
    await audit(tx, {
      ...auditBase(actorId, round, question),
      action: "questionnaire.question-retired",
      data: { roundId: round.id, reasons: ["withdrawn"], answers },
    });
    return { ok: true, questionId: question.id };
  });
}

export async function deleteQuestion(actorId: string, round: RoundRef, questionId: string): Promise<Change> {
  const refused = locked(round);
  if (refused) return refused;
  return db().$transaction(async (tx): Promise<Change> => {
    const question = await tx.question.findFirst({ where: { id: questionId, roundId: round.id, retiredAt: null } });
    if (!question) return { ok: false, errors: { form: "This question has been retired: it keeps its answers and cannot be deleted." } };
    const answers = (await answerCounts(tx, [question.id])).get(question.id) ?? 0;
    if (answers > 0) {
      const who = answers === 1 ? "1 organisation has" : `${answers} organisations have`;
      return {
        ok: false,
        errors: { form: `${who} answered this question, so it cannot be deleted. Retire it instead: respondents will no longer see it and the answers stay readable.` },
      };
    }
    // Rows left by empty saves go with it (they hold no answer).
    await tx.question.delete({ where: { id: question.id } });
    await audit(tx, {
      ...auditBase(actorId, round, question),
      action: "questionnaire.question-deleted",
      data: { roundId: round.id, type: question.type, prompt: question.prompt },
    });
    return { ok: true, questionId: question.id };
  });
}

/** Swaps a question with its neighbour in the same section, then numbers the round 1..n. */
export async function moveQuestion(actorId: string, round: RoundRef, questionId: string, direction: "up" | "down"): Promise<Change> {
  const refused = locked(round);
  if (refused) return refused;
  return db().$transaction(async (tx): Promise<Change> => {
    const all = (await tx.question.findMany({ where: { roundId: round.id, retiredAt: null } })).sort(byPosition);
    const index = all.findIndex((q) => q.id === questionId);
    if (index < 0) return { ok: false, errors: { form: "This question is not in the questionnaire any more." } };
    const sectionId = all[index]!.sectionId;
    const step = direction === "up" ? -1 : 1;
    let other = index + step;
    while (other >= 0 && other < all.length && all[other]!.sectionId !== sectionId) other += step;
    if (other < 0 || other >= all.length) return { ok: true, questionId };
    [all[index], all[other]] = [all[other]!, all[index]!];
    for (const [i, q] of all.entries()) {
      if (q.position !== i + 1) await tx.question.update({ where: { id: q.id }, data: { position: i + 1 } });
    }
    await audit(tx, {
      actorId,
      action: "questionnaire.questions-reordered",
      entityType: "Round",
      entityId: round.id,
      consultationId: round.consultationId,
      data: { questionId, direction },
    });
    return { ok: true, questionId };
  });
}
