-- CreateIndex
CREATE INDEX "Article_columnId_publishedAt_id_idx" ON "Article"("columnId", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "ArticleRevision_titleTags_idx" ON "ArticleRevision" USING GIN ("titleTags");

