-- Every submitted version is kept, its files included. A submission names the files attached
-- when it was made; a file removed afterwards is only marked removed while a version names it.
ALTER TABLE "Attachment" ADD COLUMN "removedAt" TIMESTAMP(3);
ALTER TABLE "ResponseSubmission" ADD COLUMN "attachmentIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Versions submitted before this migration: an earlier version, the files uploaded before it;
-- the latest, every file (views recorded offline are dated when received, before the upload).
UPDATE "ResponseSubmission" s
SET "attachmentIds" = COALESCE(
  (SELECT array_agg(a."id" ORDER BY a."createdAt") FROM "Attachment" a
   WHERE a."responseId" = s."responseId"
     AND (a."createdAt" <= s."submittedAt"
          OR s."number" = (SELECT max(l."number") FROM "ResponseSubmission" l WHERE l."responseId" = s."responseId"))),
  ARRAY[]::TEXT[]);
