-- DropIndex
DROP INDEX "Article_columnId_status_pinned_publishedAt_idx";

-- DropIndex
DROP INDEX "Article_status_publishedAt_idx";

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "live" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Article" SET "live" = true WHERE "status" = 'PUBLISHED' AND "liveRevisionId" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Article_columnId_live_pinned_publishedAt_idx" ON "Article"("columnId", "live", "pinned" DESC, "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Article_live_publishedAt_idx" ON "Article"("live", "publishedAt" DESC);

