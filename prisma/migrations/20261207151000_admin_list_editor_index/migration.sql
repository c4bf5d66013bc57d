-- The editors' article list at a million articles (issue 22). An editor sees the articles
-- of their columns and their own; the list, last changed first, walked the updatedAt
-- index and read every article from the table to test its column and author — 150 ms
-- for a page, 170 ms for the count, which fell back to a scan of the table. With the two
-- columns carried in the index, both are read from the index alone (26 ms each).
DROP INDEX "Article_updatedAt_id_idx";
CREATE INDEX "Article_updatedAt_id_idx" ON "Article"("updatedAt", "id") INCLUDE ("columnId", "createdById");
