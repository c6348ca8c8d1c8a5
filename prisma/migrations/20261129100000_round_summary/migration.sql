-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "summaryIntro" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "RoundSummarySection" (
    "roundId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "themes" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundSummarySection_pkey" PRIMARY KEY ("roundId","sectionKey")
);

-- AddForeignKey
ALTER TABLE "RoundSummarySection" ADD CONSTRAINT "RoundSummarySection_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
