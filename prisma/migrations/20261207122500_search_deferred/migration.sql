-- Bulk writes (the synthetic generator, the site importer) load thousands of articles
-- per statement with COPY. Indexing them one trigger call at a time costs more than the
-- load itself, so a bulk transaction says `SET LOCAL gazette.search_deferred = 'on'`
-- (the row triggers then leave the search rows alone) and, before it commits, indexes
-- what it wrote with one call of gazette_search_index(ids). The setting is local to
-- that transaction: every other write keeps its trigger. lib/search/bulk-index.ts is
-- the only caller.

-- The search rows of these articles, rebuilt (admin and public sides).
CREATE FUNCTION "gazette_search_index"(article_ids int[]) RETURNS void
LANGUAGE sql AS $fn$
  SELECT count(gazette_search_refresh(id, true, true)) FROM unnest(article_ids) AS id
$fn$;

CREATE OR REPLACE FUNCTION "gazette_article_search_trigger"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  admin_changed boolean;
  public_changed boolean;
BEGIN
  IF current_setting('gazette.search_deferred', true) = 'on' THEN
    RETURN NULL;                       -- a bulk write indexes its articles itself, in one statement
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM gazette_search_refresh(NEW.id, true, true);
    RETURN NULL;
  END IF;
  admin_changed := (NEW.title, NEW."titleTags", NEW.subtitle, NEW.summary, NEW."docNo", NEW."bodyText")
    IS DISTINCT FROM (OLD.title, OLD."titleTags", OLD.subtitle, OLD.summary, OLD."docNo", OLD."bodyText");
  public_changed := (NEW.live, NEW."liveRevisionId") IS DISTINCT FROM (OLD.live, OLD."liveRevisionId");
  IF admin_changed OR public_changed THEN
    PERFORM gazette_search_refresh(NEW.id, admin_changed, public_changed);
    IF NOT public_changed AND NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt" THEN
      -- Published at another date: the public vectors move to that month.
      UPDATE "ArticleSearch" SET
        "publicVector" = gazette_search_restamp("publicVector", OLD."publishedAt", NEW."publishedAt"),
        "publicHead" = gazette_search_restamp("publicHead", OLD."publishedAt", NEW."publishedAt")
      WHERE "articleId" = NEW.id;
    END IF;
  ELSIF (NEW."columnId", NEW.status, NEW."publishedAt") IS DISTINCT FROM (OLD."columnId", OLD.status, OLD."publishedAt") THEN
    UPDATE "ArticleSearch" SET
      "columnId" = NEW."columnId",
      status = NEW.status,
      "publishedAt" = NEW."publishedAt",
      "publicVector" = CASE WHEN NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
                            THEN gazette_search_restamp("publicVector", OLD."publishedAt", NEW."publishedAt") ELSE "publicVector" END,
      "publicHead" = CASE WHEN NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
                          THEN gazette_search_restamp("publicHead", OLD."publishedAt", NEW."publishedAt") ELSE "publicHead" END
    WHERE "articleId" = NEW.id;
  END IF;
  RETURN NULL;
END
$fn$;

