-- CreateTable
CREATE TABLE "StaticQueue" (
    "path" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leasedUntil" TIMESTAMP(3),

    CONSTRAINT "StaticQueue_pkey" PRIMARY KEY ("path")
);

-- CreateIndex
CREATE INDEX "StaticQueue_requestedAt_idx" ON "StaticQueue"("requestedAt");

