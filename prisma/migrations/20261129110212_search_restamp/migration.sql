-- Search: cheaper month and year tokens. gazette_search_stamp() finds the old tokens by
-- unpacking the whole vector, a quarter of the cost of indexing an article; the trigger
-- always knows which moment the old tokens came from, so it now deletes exactly those.
-- (gazette_search_stamp stays for vectors of unknown history, as in the backfills.)

-- The month and year tokens of a moment; none for NULL.
CREATE FUNCTION "gazette_search_time"(at timestamp) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT CASE WHEN at IS NULL THEN ''::tsvector ELSE array_to_tsvector(ARRAY[gazette_search_year(at), gazette_search_month(at)]) END
$fn$;

-- A vector's time tokens moved from `previous` (NULL: it has none) to `at`.
CREATE FUNCTION "gazette_search_restamp"(v tsvector, previous timestamp, at timestamp) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT CASE WHEN previous IS NULL THEN v ELSE ts_delete(v, ARRAY[gazette_search_year(previous), gazette_search_month(previous)]) END
      || gazette_search_time(at)
$fn$;

CREATE OR REPLACE FUNCTION "gazette_search_refresh"(article_id integer, refresh_admin boolean, refresh_public boolean)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  a record;
  r record;
  admin_vector tsvector;
  admin_head tsvector;
  public_vector tsvector;
  public_head tsvector;
BEGIN
  SELECT id, title, "titleTags", subtitle, summary, "docNo", "bodyText", live, "liveRevisionId", "columnId", status,
         "publishedAt", "createdAt"
    INTO a FROM "Article" WHERE id = article_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF refresh_admin THEN
    admin_vector := gazette_search_restamp(gazette_search_document(a.title, a."titleTags", a.subtitle, a.summary, a."docNo", a."bodyText"), NULL, a."createdAt");
    admin_head := gazette_search_restamp(gazette_search_head(a.title, a."titleTags", a.subtitle, a.summary, a."docNo"), NULL, a."createdAt");
  ELSE
    SELECT "adminVector", "adminHead" INTO admin_vector, admin_head FROM "ArticleSearch" WHERE "articleId" = article_id;
  END IF;
  IF refresh_public AND a.live AND a."liveRevisionId" IS NOT NULL THEN
    SELECT title, "titleTags", subtitle, summary, "docNo", "bodyText"
      INTO r FROM "ArticleRevision" WHERE id = a."liveRevisionId";
    IF FOUND THEN
      IF admin_vector IS NOT NULL AND admin_head IS NOT NULL
         AND (r.title, r."titleTags", r.subtitle, r.summary, r."docNo", r."bodyText")
             IS NOT DISTINCT FROM (a.title, a."titleTags", a.subtitle, a.summary, a."docNo", a."bodyText") THEN
        -- Same text: the admin vectors, moved from the creation month to the publication month.
        public_vector := gazette_search_restamp(admin_vector, a."createdAt", a."publishedAt");
        public_head := gazette_search_restamp(admin_head, a."createdAt", a."publishedAt");
      ELSE
        public_vector := gazette_search_restamp(gazette_search_document(r.title, r."titleTags", r.subtitle, r.summary, r."docNo", r."bodyText"), NULL, a."publishedAt");
        public_head := gazette_search_restamp(gazette_search_head(r.title, r."titleTags", r.subtitle, r.summary, r."docNo"), NULL, a."publishedAt");
      END IF;
    END IF;
  END IF;
  INSERT INTO "ArticleSearch" ("articleId", "columnId", status, "publishedAt", "adminVector", "adminHead", "publicVector", "publicHead")
  VALUES (article_id, a."columnId", a.status, a."publishedAt", admin_vector, admin_head, public_vector, public_head)
  ON CONFLICT ("articleId") DO UPDATE SET
    "columnId" = EXCLUDED."columnId",
    status = EXCLUDED.status,
    "publishedAt" = EXCLUDED."publishedAt",
    "adminVector" = EXCLUDED."adminVector",
    "adminHead" = EXCLUDED."adminHead",
    "publicVector" = CASE WHEN refresh_public THEN EXCLUDED."publicVector" ELSE "ArticleSearch"."publicVector" END,
    "publicHead" = CASE WHEN refresh_public THEN EXCLUDED."publicHead" ELSE "ArticleSearch"."publicHead" END;
END
$fn$;

CREATE OR REPLACE FUNCTION "gazette_article_search_trigger"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  admin_changed boolean;
  public_changed boolean;
BEGIN
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

