/** Analysts' and coordinators' notes on an answer: internal, never shown to respondents or published. */
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";

export const NOTE_MAX = 4000;

export async function addNote(actorId: string, consultationId: string, answerId: string, body: string) {
  return db().$transaction(async (tx) => {
    const note = await tx.analystNote.create({ data: { answerId, authorId: actorId, body } });
    await audit(tx, { actorId, action: "answer.noted", entityType: "Answer", entityId: answerId, consultationId, data: { noteId: note.id } });
    return note;
  });
}
