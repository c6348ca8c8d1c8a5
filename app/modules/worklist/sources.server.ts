/** What an item rests on: its source answers, each named as this reader may see it, and the sections to file it under. */
import { attributionLabel, publicationLimit, type Reader } from "~/modules/analysis/attribution";
import { DOCUMENT_KEY } from "~/modules/analysis/schemas";
import { sectionTexts, wordingRedline } from "~/modules/analysis/wording-redline";
import { db } from "~/modules/db/client.server";

/**
 * `withWithdrawn`: an item's sources include answers whose organisation later withdrew its
 * response (the list counts them); they show, marked, under the same attribution rule. A new
 * item takes submitted answers only.
 */
export async function sourceAnswersView(reader: Reader, consultationId: string, answerIds: string[], { withWithdrawn = false } = {}) {
  if (answerIds.length === 0) return [];
  const answers = await db().answer.findMany({
    where: { id: { in: answerIds }, response: { status: { in: withWithdrawn ? ["SUBMITTED", "WITHDRAWN"] : ["SUBMITTED"] }, round: { consultationId } } },
    select: {
      id: true,
      text: true,
      question: { select: { prompt: true, type: true, section: { select: { key: true, heading: true, body: true, translations: true } } } },
      response: {
        select: {
          status: true,
          attribution: true,
          consentToPublish: true,
          round: { select: { id: true, title: true } },
          organisation: { select: { name: true, type: { select: { label: true } } } },
        },
      },
    },
  });
  const order = new Map(answerIds.map((id, i) => [id, i]));
  return answers
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((a) => ({
      id: a.id,
      text: a.text ?? "",
      question: a.question.prompt,
      redline: a.question.type === "PROPOSED_WORDING" && a.question.section ? wordingRedline(sectionTexts(a.question.section), a.text ?? "") : null,
      sectionKey: a.question.section?.key ?? null,
      roundId: a.response.round.id,
      withdrawn: a.response.status === "WITHDRAWN",
      // A withdrawn response's answers are no longer among the written answers.
      link: a.response.status === "WITHDRAWN" ? null : `/consultations/${consultationId}/rounds/${a.response.round.id}/answers?${new URLSearchParams({ section: a.question.section?.key ?? DOCUMENT_KEY, similar: a.id })}`,
      who:
        attributionLabel(reader, {
          attribution: a.response.attribution,
          consentToPublish: a.response.consentToPublish,
          organisationName: a.response.organisation.name,
          typeLabel: a.response.organisation.type.label,
        }) ?? "",
      limit: reader === "coordinator" ? publicationLimit(a.response) : null,
    }));
}

export async function itemSourceIds(itemId: string) {
  const rows = await db().worklistItemSource.findMany({ where: { itemId }, select: { answerId: true } });
  return rows.map((r) => r.answerId);
}

/** The sections of the round's version, or of the consultation's latest version. */
export async function sectionOptions(consultationId: string, roundId?: string | null) {
  const round = roundId ? await db().round.findFirst({ where: { id: roundId, consultationId }, select: { versionId: true } }) : null;
  const version = round
    ? { id: round.versionId }
    : await db().documentVersion.findFirst({ where: { consultationId }, orderBy: { number: "desc" }, select: { id: true } });
  if (!version) return [];
  const sections = await db().section.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" }, select: { key: true, heading: true } });
  return sections.map((s, i) => ({ key: s.key, heading: `${i + 1}. ${s.heading}` }));
}

/**
 * Every section key the consultation's versions have had, named as in the newest version that
 * has it (keys are stable across versions): items made in round 1 keep their section's name
 * after the next draft drops or renames sections.
 */
export async function sectionsEverUsed(consultationId: string) {
  const rows = await db().section.findMany({
    where: { version: { consultationId } },
    orderBy: [{ version: { number: "desc" } }, { position: "asc" }],
    select: { key: true, heading: true },
  });
  const named = new Map<string, string>();
  for (const row of rows) if (!named.has(row.key)) named.set(row.key, row.heading);
  return [...named].map(([key, heading]) => ({ key, heading }));
}

/** An item's section in words, from `sectionsEverUsed`: its heading, its key if none has it, or the document as a whole. */
export function sectionNamer(sections: ReadonlyArray<{ key: string; heading: string }>) {
  const headings = new Map(sections.map((s) => [s.key, s.heading]));
  return (key: string | null) => (key ? (headings.get(key) ?? key) : "The document as a whole");
}
