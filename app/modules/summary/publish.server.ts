/**
 * Writing, publishing and unpublishing a round's summary. Publishing is for closed rounds
 * (the summary says what was heard: the hearing must be over); the first publication emails
 * every contact of every organisation that submitted, in the contact's language, with a link to
 * what happened to their own comments. Every change is audited in its own transaction.
 */
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { env } from "~/modules/config/env.server";
import { db } from "~/modules/db/client.server";
import { queueEmails, type QueueEmailInput } from "~/modules/mail/outbox.server";

type Tx = Prisma.TransactionClient;

export class SummaryError extends Error {
  override name = "SummaryError";
}

export async function saveSummaryText(input: { actorId: string; roundId: string; intro: string; themes: Record<string, string> }) {
  return db().$transaction(async (tx) => {
    const round = await tx.round.update({ where: { id: input.roundId }, data: { summaryIntro: input.intro }, select: { consultationId: true } });
    for (const [sectionKey, themes] of Object.entries(input.themes)) {
      await tx.roundSummarySection.upsert({
        where: { roundId_sectionKey: { roundId: input.roundId, sectionKey } },
        create: { roundId: input.roundId, sectionKey, themes },
        update: { themes },
      });
    }
    await audit(tx, {
      actorId: input.actorId,
      action: "round.summary-edited",
      entityType: "Round",
      entityId: input.roundId,
      consultationId: round.consultationId,
      data: { sections: Object.keys(input.themes).length },
    });
  });
}

export async function publishSummary(actorId: string, roundId: string): Promise<{ emails: number }> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ status: string; summaryPublishedAt: Date | null }>>`
      SELECT "status", "summaryPublishedAt" FROM "Round" WHERE "id" = ${roundId} FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new SummaryError("No such round.");
    if (row.summaryPublishedAt) return { emails: 0 };
    if (row.status !== "CLOSED" && row.status !== "ARCHIVED") throw new SummaryError("Publish the summary once the round is closed: until then, answers can still change.");
    const round = await tx.round.update({
      where: { id: roundId },
      data: { summaryPublishedAt: new Date() },
      include: { consultation: { select: { title: true } } },
    });
    const before = await tx.auditEvent.count({ where: { entityType: "Round", entityId: roundId, action: "round.summary-published" } });
    // Contacts hear about the summary once; a republication after a correction stays quiet.
    const emails = before === 0 ? await emailSubmitters(tx, round) : 0;
    await audit(tx, {
      actorId,
      action: "round.summary-published",
      entityType: "Round",
      entityId: roundId,
      consultationId: round.consultationId,
      data: { emails, republished: before > 0 },
    });
    return { emails };
  });
}

export async function unpublishSummary(actorId: string, roundId: string) {
  return db().$transaction(async (tx) => {
    const changed = await tx.round.updateMany({ where: { id: roundId, summaryPublishedAt: { not: null } }, data: { summaryPublishedAt: null } });
    if (changed.count === 0) return;
    const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { consultationId: true } });
    await audit(tx, { actorId, action: "round.summary-unpublished", entityType: "Round", entityId: roundId, consultationId: round.consultationId });
  });
}

async function emailSubmitters(tx: Tx, round: { id: string; title: string; consultationId: string; consultation: { title: string } }) {
  const invitations = await tx.invitation.findMany({
    where: { roundId: round.id, revokedAt: null, organisation: { responses: { some: { roundId: round.id, status: "SUBMITTED" } } } },
    include: { organisation: { include: { contacts: { include: { user: true }, orderBy: { createdAt: "asc" } } } } },
  });
  return queueEmails(
    tx,
    invitations.flatMap((invitation) =>
      invitation.organisation.contacts
        .filter((contact) => !contact.user.disabledAt)
        .map(
          (contact): QueueEmailInput<"summary-published"> => ({
            template: "summary-published",
            to: contact.user.email,
            language: contact.user.language,
            consultationId: round.consultationId,
            props: {
              contactName: contact.user.name,
              organisationName: invitation.organisation.name,
              consultationTitle: round.consultation.title,
              roundTitle: round.title,
              outcomeLink: `${env().APP_URL}/respond/${invitation.id}/outcome`,
              summaryLink: `${env().APP_URL}/summaries/${round.id}`,
              language: contact.user.language,
            },
          }),
        ),
    ),
  );
}
