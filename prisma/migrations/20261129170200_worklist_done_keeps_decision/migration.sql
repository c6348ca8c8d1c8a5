-- "Done" stops being a decision (decision 011): an item resolved by a later version keeps the
-- decision it implemented, and "resolvedInVersionId" says in which version it was done.
-- Items marked DONE get back the decision their audit entry kept (resolved by a version, or,
-- for one set to "Done" by hand, the decision it was changed from); failing that, "accepted".
UPDATE "WorklistItem" w
SET "status" = COALESCE(
  (SELECT e."data"->>'from' FROM "AuditEvent" e
    WHERE e."entityType" = 'WorklistItem' AND e."entityId" = w."id" AND e."action" = 'worklist-item.resolved'
      AND e."data"->>'from' IN ('OPEN', 'ACCEPTED', 'ACCEPTED_WITH_CHANGES', 'NOT_ACCEPTED', 'NOTED', 'REFERRED')
    ORDER BY e."at" DESC LIMIT 1),
  (SELECT e."data"->'changed'->'status'->>'from' FROM "AuditEvent" e
    WHERE e."entityType" = 'WorklistItem' AND e."entityId" = w."id" AND e."action" = 'worklist.decided'
      AND e."data"->'changed'->'status'->>'from' IN ('OPEN', 'ACCEPTED', 'ACCEPTED_WITH_CHANGES', 'NOT_ACCEPTED', 'NOTED', 'REFERRED')
    ORDER BY e."at" DESC LIMIT 1),
  'ACCEPTED'
)::text::"WorklistStatus"
WHERE w."status" = 'DONE';

ALTER TYPE "WorklistStatus" RENAME TO "WorklistStatus_old";
CREATE TYPE "WorklistStatus" AS ENUM ('OPEN', 'ACCEPTED', 'ACCEPTED_WITH_CHANGES', 'NOT_ACCEPTED', 'NOTED', 'REFERRED');
ALTER TABLE "WorklistItem" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "WorklistItem" ALTER COLUMN "status" TYPE "WorklistStatus" USING ("status"::text::"WorklistStatus");
ALTER TABLE "WorklistItem" ALTER COLUMN "status" SET DEFAULT 'OPEN';
DROP TYPE "WorklistStatus_old";
