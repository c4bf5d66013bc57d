-- CreateTable
CREATE TABLE "PublicTitleTag" (
    "tag" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicTitleTag_pkey" PRIMARY KEY ("tag","articleId")
);

-- CreateIndex
CREATE INDEX "PublicTitleTag_tag_publishedAt_articleId_idx" ON "PublicTitleTag"("tag", "publishedAt" DESC, "articleId" DESC);

-- AddForeignKey
ALTER TABLE "PublicTitleTag" ADD CONSTRAINT "PublicTitleTag_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Kept by the database, like "ArticleSearch": whichever code path changes an article's
-- live state (publish, scheduled publish, edit going live, withdraw, restore, seed), this
-- trigger rewrites the article's rows from its live revision's title tags. Revisions are
-- never updated, so the article's row is the only thing to watch.
CREATE FUNCTION "gazette_public_title_tags_trigger"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.live, NEW."liveRevisionId", NEW."publishedAt")
      IS NOT DISTINCT FROM (OLD.live, OLD."liveRevisionId", OLD."publishedAt") THEN
    RETURN NULL;
  END IF;
  DELETE FROM "PublicTitleTag" WHERE "articleId" = NEW.id;
  IF NEW.live AND NEW."liveRevisionId" IS NOT NULL AND NEW."publishedAt" IS NOT NULL THEN
    INSERT INTO "PublicTitleTag" (tag, "articleId", "publishedAt")
    SELECT DISTINCT tag, NEW.id, NEW."publishedAt"
    FROM "ArticleRevision" r, unnest(r."titleTags") AS tag
    WHERE r.id = NEW."liveRevisionId";
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Article_public_title_tags_sync"
  AFTER INSERT OR UPDATE OF live, "liveRevisionId", "publishedAt" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION gazette_public_title_tags_trigger();

INSERT INTO "PublicTitleTag" (tag, "articleId", "publishedAt")
SELECT DISTINCT tag, a.id, a."publishedAt"
FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId", unnest(r."titleTags") AS tag
WHERE a.live AND a."publishedAt" IS NOT NULL;

-- Every reader of "articles with this title tag" now reads PublicTitleTag; the GIN index
-- on all revisions only cost each save an index update.
DROP INDEX "ArticleRevision_titleTags_idx";
