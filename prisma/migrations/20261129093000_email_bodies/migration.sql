-- A mailing stores one rendered body per language and only each message's fills.

-- CreateTable
CREATE TABLE "EmailBody" (
    "id" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailBody_pkey" PRIMARY KEY ("id")
);

-- Existing messages keep their content: each becomes the body of its own message.
INSERT INTO "EmailBody" ("id", "html", "text", "createdAt")
SELECT "id", "html", "text", "createdAt" FROM "EmailMessage";

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "bodyId" TEXT,
ADD COLUMN "fills" TEXT[] DEFAULT ARRAY[]::TEXT[];

UPDATE "EmailMessage" SET "bodyId" = "id";

ALTER TABLE "EmailMessage" ALTER COLUMN "bodyId" SET NOT NULL,
DROP COLUMN "html",
DROP COLUMN "text";

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "EmailBody"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
