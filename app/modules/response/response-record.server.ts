/**
 * One organisation's response to a round as the coordinators keep it: every submitted version
 * (its answers frozen when submitted, with option labels, and the files it was submitted
 * with), who submitted it and how (the platform or a channel outside it), and its state.
 * A draft never submitted stays the organisation's own: only its existence is shown.
 */
import { db } from "~/modules/db/client.server";
import { optionsOf, type QuestionType } from "~/modules/questionnaire/questions";
import { attachmentsOf } from "./attachments.server";

type FrozenAnswer = { questionId: string; choices: string[]; text: string | null };

export async function loadResponseRecord(roundId: string, organisationId: string, versionNumber: number | null) {
  const organisation = await db().organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, country: true, survivorLed: true, type: { select: { label: true } } },
  });
  if (!organisation) return null;
  const [invitation, response] = await Promise.all([
    db().invitation.findUnique({ where: { roundId_organisationId: { roundId, organisationId } }, select: { id: true, revokedAt: true, extendedUntil: true } }),
    db().response.findUnique({
      where: { roundId_organisationId: { roundId, organisationId } },
      include: { submissions: { orderBy: { number: "desc" } } },
    }),
  ]);
  if (!invitation && !response) return null;

  const submitters = new Map(
    (await db().user.findMany({ where: { id: { in: [...new Set(response?.submissions.map((s) => s.submittedById) ?? [])] } }, select: { id: true, name: true } })).map(
      (u) => [u.id, u.name],
    ),
  );
  const versions = (response?.submissions ?? []).map((s) => ({
    number: s.number,
    submittedAt: s.submittedAt,
    by: submitters.get(s.submittedById) ?? null,
    attribution: s.attribution,
    consentToPublish: s.consentToPublish,
  }));
  const shown = response?.submissions.find((s) => s.number === versionNumber) ?? response?.submissions[0] ?? null;

  return {
    organisation: { ...organisation, type: organisation.type.label },
    invitation,
    response: response
      ? {
          id: response.id,
          status: response.status,
          channel: response.channel,
          receivedAt: response.receivedAt,
          withdrawnAt: response.withdrawnAt,
          createdAt: response.createdAt,
        }
      : null,
    versions,
    shown: shown
      ? {
          number: shown.number,
          answers: await answerSheet(roundId, shown.answers as FrozenAnswer[]),
          attachments: await attachmentsOf(response!.id, shown),
        }
      : null,
    /** Asked for a version that does not exist (the latest is shown instead). */
    unknownVersion: versionNumber !== null && shown?.number !== versionNumber,
  };
}

/**
 * The round's questions in document order, each with the frozen answer (choices as labels).
 * Questions retired since (a type or options changed) are included: their answers stay readable.
 */
async function answerSheet(roundId: string, frozen: FrozenAnswer[]) {
  const round = await db().round.findUniqueOrThrow({
    where: { id: roundId },
    select: {
      version: { select: { sections: { orderBy: { position: "asc" }, select: { id: true, heading: true, position: true } } } },
      questions: { orderBy: { position: "asc" } },
    },
  });
  const byQuestion = new Map(frozen.map((a) => [a.questionId, a]));
  const groups = [
    ...round.version.sections.map((s) => ({ id: s.id as string | null, heading: `${s.position}. ${s.heading}` })),
    { id: null, heading: "The document as a whole" },
  ];
  // Current questions numbered as respondents saw them (decision 016); retired ones unnumbered.
  let number = 0;
  return groups
    .map((g) => ({
      heading: g.heading,
      questions: round.questions
        .filter((q) => q.sectionId === g.id && (!q.retiredAt || byQuestion.has(q.id)))
        .map((q) => {
          const answer = byQuestion.get(q.id);
          const labels = new Map(optionsOf(q.type as QuestionType, q.options).map((o) => [o.id, o.label]));
          return {
            id: q.id,
            number: q.retiredAt ? null : ++number,
            prompt: q.prompt,
            retired: !!q.retiredAt,
            choices: answer?.choices.map((id) => labels.get(id) ?? id) ?? [],
            text: answer?.text ?? null,
          };
        }),
    }))
    .filter((g) => g.questions.length > 0);
}
