-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Vienna';

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "sentReminderDays" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateTable
CREATE TABLE "PendingImport" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "consultationId" TEXT,
    "createdById" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "discardedAt" TIMESTAMP(3),

    CONSTRAINT "PendingImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingImport_createdById_createdAt_idx" ON "PendingImport"("createdById", "createdAt");
