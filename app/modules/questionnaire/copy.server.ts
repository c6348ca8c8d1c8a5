/**
 * Copying the questionnaire of another round of the same consultation. The two rounds may
 * point at different versions of the document: a question about a section goes to the section
 * with the same stable key; when that section is gone, the question is kept as a question
 * about the whole document and listed so the coordinator can place it. A question already in the
 * round (same type, wording and place) is not copied again, so a second click, or copying the
 * same round twice, never doubles the questionnaire.
 */
import type { Prisma, Round } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import type { FieldErrors } from "~/modules/forms/validation";
import { lockRound } from "~/modules/round/lock.server";
import { byPosition, questionnaireLock } from "./questionnaire.server";

type RoundRef = Pick<Round, "id" | "consultationId" | "versionId" | "status">;

export type Orphan = { questionId: string; prompt: string; section: string };

export type CopyOutcome = { ok: true; eventId: string; copied: number; alreadyHere: number; orphaned: Orphan[] } | { ok: false; errors: FieldErrors };

/** The other rounds of the consultation that have questions to copy, newest first. */
export async function copySources(round: Pick<Round, "id" | "consultationId">) {
  const rounds = await db().round.findMany({
    where: { consultationId: round.consultationId, id: { not: round.id } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, title: true, _count: { select: { questions: { where: { retiredAt: null } } } } },
  });
  return rounds.filter((r) => r._count.questions > 0).map((r) => ({ id: r.id, label: `Round ${r.number}: ${r.title} (${r._count.questions} questions)` }));
}

export async function copyQuestionnaire(actorId: string, round: RoundRef, fromRoundId: string): Promise<CopyOutcome> {
  const problem = questionnaireLock(round.status);
  if (problem) return { ok: false, errors: { form: problem } };
  return db().$transaction(async (tx): Promise<CopyOutcome> => {
    // Two copies at once (a double click without JavaScript) take turns, so the second sees the first's questions.
    await lockRound(tx, round.id);
    const source = await tx.round.findFirst({
      where: { id: fromRoundId, consultationId: round.consultationId, NOT: { id: round.id } },
      include: { questions: { where: { retiredAt: null }, include: { section: { select: { key: true, heading: true } } } } },
    });
    if (!source) return { ok: false, errors: { fromRoundId: "Choose another round of this consultation" } };
    if (source.questions.length === 0) return { ok: false, errors: { fromRoundId: "That round has no questions to copy" } };

    const sections = await tx.section.findMany({ where: { versionId: round.versionId }, select: { id: true, key: true } });
    const sectionByKey = new Map(sections.map((s) => [s.key, s.id]));
    const last = await tx.question.aggregate({ where: { roundId: round.id }, _max: { position: true } });
    let position = last._max.position ?? 0;
    const orphaned: Orphan[] = [];
    const here = await tx.question.findMany({ where: { roundId: round.id, retiredAt: null }, select: { type: true, prompt: true, sectionId: true } });
    const sameQuestion = (q: { type: string; prompt: string; sectionId: string | null }) => `${q.type}\u0000${q.sectionId ?? ""}\u0000${q.prompt.trim()}`;
    const present = new Set(here.map(sameQuestion));
    let copied = 0;
    let alreadyHere = 0;

    for (const q of [...source.questions].sort(byPosition)) {
      const sectionId = q.section ? (sectionByKey.get(q.section.key) ?? null) : null;
      if (present.has(sameQuestion({ type: q.type, prompt: q.prompt, sectionId }))) {
        alreadyHere++;
        continue;
      }
      copied++;
      const copy = await tx.question.create({
        data: {
          roundId: round.id,
          sectionId,
          position: ++position,
          type: q.type,
          prompt: q.prompt,
          help: q.help,
          required: q.required,
          options: q.options as Prisma.InputJsonValue,
          translations: q.translations as Prisma.InputJsonValue,
        },
      });
      if (q.section && !sectionId) orphaned.push({ questionId: copy.id, prompt: q.prompt, section: q.section.heading });
    }

    const event = await audit(tx, {
      actorId,
      action: "questionnaire.copied",
      entityType: "Round",
      entityId: round.id,
      consultationId: round.consultationId,
      data: { fromRoundId: source.id, fromRound: source.title, copied, alreadyHere, orphaned },
    });
    return { ok: true, eventId: event.id, copied, alreadyHere, orphaned };
  });
}

/** What a copy did, read back from its audit entry (so the page can say it after a redirect). */
export async function copyReport(round: Pick<Round, "id" | "consultationId">, eventId: string) {
  const event = await db().auditEvent.findFirst({
    where: { id: eventId, consultationId: round.consultationId, entityId: round.id, action: "questionnaire.copied" },
  });
  if (!event) return null;
  const d = event.data as { fromRound?: string; copied?: number; alreadyHere?: number; orphaned?: Orphan[] };
  return { fromRound: d.fromRound ?? "", copied: d.copied ?? 0, alreadyHere: d.alreadyHere ?? 0, orphaned: d.orphaned ?? [] };
}
