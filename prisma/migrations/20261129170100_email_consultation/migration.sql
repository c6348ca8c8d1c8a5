-- Which consultation a message is about, so its coordinators see it in the outbox: receipts,
-- "round opened" and summaries carry no invitation link, so the link could not tell.
ALTER TABLE "EmailMessage" ADD COLUMN "consultationId" TEXT;

-- Messages queued before: those with a personal link belong to that link's round's consultation.
UPDATE "EmailMessage" AS m
SET "consultationId" = r."consultationId"
FROM "InvitationLink" AS l
JOIN "Invitation" AS i ON i."id" = l."invitationId"
JOIN "Round" AS r ON r."id" = i."roundId"
WHERE l."id" = m."invitationLinkId";

CREATE INDEX "EmailMessage_consultationId_createdAt_idx" ON "EmailMessage"("consultationId", "createdAt");

ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The tracking table reads each personal link's latest email (round/tracking.server.ts).
CREATE INDEX "EmailMessage_invitationLinkId_createdAt_idx" ON "EmailMessage"("invitationLinkId", "createdAt");
