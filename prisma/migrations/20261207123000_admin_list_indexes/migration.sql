-- DropIndex
DROP INDEX "Article_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Article_updatedAt_id_idx" ON "Article"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Article_createdAt_id_idx" ON "Article"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_title_id_idx" ON "Article"("title", "id");

-- CreateIndex
CREATE INDEX "Article_viewCount_id_idx" ON "Article"("viewCount", "id");

-- CreateIndex
CREATE INDEX "Article_status_updatedAt_id_idx" ON "Article"("status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Article_columnId_updatedAt_id_idx" ON "Article"("columnId", "updatedAt", "id");

-- The admin list sorted by 公开日期, newest first, the never-published last: Prisma cannot
-- express NULLS LAST in an index. (Oldest first, ASC NULLS LAST, is the index above.)
CREATE INDEX "Article_publishedAt_desc_nulls_last_id_idx" ON "Article"("publishedAt" DESC NULLS LAST, "id" DESC);

-- A column's public listing (lib/articles/public-lists.ts) in its order, public articles
-- only: its count and the ids of a deep page come from this index alone, where the index
-- above without the live revision sent every row skipped to the table. Partial: Prisma
-- cannot express it.
CREATE INDEX "Article_public_listing_idx" ON "Article"("columnId", "pinned" DESC, "publishedAt" DESC, "id" DESC)
  WHERE "live" AND "liveRevisionId" IS NOT NULL;
