/** What the team has added to the answers on one page: tags, notes and worklist items. */
import { db } from "~/modules/db/client.server";

export async function annotations(answerIds: string[]) {
  if (answerIds.length === 0) return new Map<string, Annotation>();
  const [tags, notes, sources] = await Promise.all([
    db().answerTag.findMany({ where: { answerId: { in: answerIds } }, select: { answerId: true, tag: { select: { id: true, name: true } } } }),
    db().analystNote.findMany({
      where: { answerId: { in: answerIds } },
      orderBy: { createdAt: "asc" },
      select: { id: true, answerId: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
    db().worklistItemSource.findMany({ where: { answerId: { in: answerIds } }, select: { answerId: true, item: { select: { id: true, summary: true, status: true, resolvedInVersion: { select: { number: true } } } } } }),
  ]);
  const result = new Map<string, Annotation>(answerIds.map((id) => [id, { tags: [], notes: [], items: [] }]));
  for (const t of tags) result.get(t.answerId)!.tags.push(t.tag);
  for (const n of notes) result.get(n.answerId)!.notes.push({ id: n.id, body: n.body, author: n.author.name, createdAt: n.createdAt });
  for (const { answerId, item } of sources) result.get(answerId)!.items.push({ id: item.id, summary: item.summary, status: item.status, doneIn: item.resolvedInVersion?.number ?? null });
  for (const a of result.values()) a.tags.sort((x, y) => x.name.localeCompare(y.name));
  return result;
}

export type Annotation = {
  tags: Array<{ id: string; name: string }>;
  notes: Array<{ id: string; body: string; author: string; createdAt: Date }>;
  items: Array<{ id: string; summary: string; status: string; doneIn: number | null }>;
};
