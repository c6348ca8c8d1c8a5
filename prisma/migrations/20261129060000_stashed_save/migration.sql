-- CreateTable
CREATE TABLE "StashedSave" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "userId" TEXT,
    "fields" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StashedSave_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StashedSave_tokenHash_key" ON "StashedSave"("tokenHash");

-- CreateIndex
CREATE INDEX "StashedSave_expiresAt_idx" ON "StashedSave"("expiresAt");
