/**
 * The whole round as JSON for re-use elsewhere: the round, its sections and questions, every
 * submitted response as this reader may see it, and the comment matrix. Written as a stream of
 * text, one response or matrix row at a time, never one object of the whole round.
 */
import type { Reader } from "~/modules/analysis/attribution";
import { db } from "~/modules/db/client.server";
import type { ExportAudience } from "./catalogue";
import { matrixRows } from "./matrix-rows.server";
import { exportedResponses, roundQuestions } from "./responses.server";
import { pullStream } from "./stream.server";

async function* list<T>(batches: AsyncIterable<T[]>, toJson: (item: T) => unknown): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield (first ? "\n    " : ",\n    ") + batch.map((item) => JSON.stringify(toJson(item))).join(",\n    ");
    first = false;
  }
  yield first ? "]" : "\n  ]";
}

async function* roundJson(roundId: string, reader: Reader, audience: ExportAudience): AsyncGenerator<string> {
  const round = await db().round.findUniqueOrThrow({
    where: { id: roundId },
    include: { consultation: { select: { slug: true, title: true } }, version: { include: { sections: { orderBy: { position: "asc" } } } } },
  });
  const questions = await roundQuestions(roundId);
  const head = {
    exportedAt: new Date().toISOString(),
    audience,
    consultation: round.consultation,
    round: { number: round.number, title: round.title, status: round.status, opensAt: round.opensAt, closesAt: round.closesAt, closedAt: round.closedAt },
    documentVersion: { number: round.version.number, title: round.version.title },
    sections: round.version.sections.map((s) => ({ position: s.position, key: s.key, heading: s.heading })),
    questions: questions.map((q) => ({ number: q.number, section: q.section, type: q.type, prompt: q.prompt, retired: q.retired, options: [...q.labels.values()] })),
  };
  yield JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "responses": ');
  yield* list(exportedResponses(roundId, reader, questions), (r) => ({
    respondent: r.respondent,
    stakeholderType: r.stakeholderType,
    receivedBy: r.channel,
    submittedAt: r.submittedAt,
    ...(r.publication ? { publication: r.publication } : {}),
    answers: questions.flatMap((q) => {
      const a = r.answers.get(q.id);
      if (!a || (a.choices.length === 0 && !a.text?.trim())) return [];
      return [a.choices.length > 0 ? { question: q.number, choices: a.choices } : { question: q.number, text: a.text }];
    }),
  }));
  yield ',\n  "commentMatrix": ';
  let n = 0;
  yield* list(matrixRows(roundId, reader), (row) => ({ number: ++n, ...row }));
  yield "\n}\n";
}

export function roundJsonStream(roundId: string, reader: Reader, audience: ExportAudience): ReadableStream<Uint8Array> {
  return pullStream(roundJson(roundId, reader, audience));
}
