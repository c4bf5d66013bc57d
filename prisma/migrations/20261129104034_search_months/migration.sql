-- Search: month tokens, so that common words stay fast. A word such as 生态 or a single
-- character such as 局 occurs in a quarter to most of all articles; visiting every match
-- just to find the newest hundred costs time in proportion to the whole archive. Every
-- vector now also holds one token for its month ("@2025-07": publication month in the
-- public vectors, creation month in the admin ones), which no text can produce (the
-- tokeniser drops "@"). A query asks the GIN index for "all the words AND one of these
-- months", and widens the months only when there are too few matches (lib/search/sql.ts):
-- the index intersects the two by itself, with no planner guesswork and no visit to the
-- rows outside the months. The month token has no position, so phrases and ranking
-- are unchanged.

-- The month token of a moment (UTC month of a timestamp without time zone, as stored).
CREATE FUNCTION "gazette_search_month"(at timestamp) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  SELECT '@' || lpad(extract(year FROM at)::int::text, 4, '0') || '-' || lpad(extract(month FROM at)::int::text, 2, '0')
$fn$;

-- A vector with its month token replaced by the one of `at` (none when `at` is NULL).
CREATE FUNCTION "gazette_search_stamp"(v tsvector, at timestamp) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT ts_delete(v, ARRAY(SELECT u.lexeme FROM unnest(v) AS u WHERE u.lexeme LIKE '@%'))
      || CASE WHEN at IS NULL THEN ''::tsvector ELSE array_to_tsvector(ARRAY[gazette_search_month(at)]) END
$fn$;

-- "Any of the months from `since` to `until`" as a tsquery, for the candidate step.
CREATE FUNCTION "gazette_search_months"(since timestamp, until timestamp) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(
    (SELECT string_agg(quote_literal(gazette_search_month(m)), ' | ' ORDER BY m)
       FROM generate_series(date_trunc('month', since), until, interval '1 month') AS m)::tsquery,
    '''@none'''::tsquery)
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
    admin_vector := gazette_search_stamp(gazette_search_document(a.title, a."titleTags", a.subtitle, a.summary, a."docNo", a."bodyText"), a."createdAt");
    admin_head := gazette_search_stamp(gazette_search_head(a.title, a."titleTags", a.subtitle, a.summary, a."docNo"), a."createdAt");
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
        public_vector := admin_vector;
        public_head := admin_head;
      ELSE
        public_vector := gazette_search_document(r.title, r."titleTags", r.subtitle, r.summary, r."docNo", r."bodyText");
        public_head := gazette_search_head(r.title, r."titleTags", r.subtitle, r.summary, r."docNo");
      END IF;
      public_vector := gazette_search_stamp(public_vector, a."publishedAt");
      public_head := gazette_search_stamp(public_head, a."publishedAt");
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
        "publicVector" = gazette_search_stamp("publicVector", NEW."publishedAt"),
        "publicHead" = gazette_search_stamp("publicHead", NEW."publishedAt")
      WHERE "articleId" = NEW.id;
    END IF;
  ELSIF (NEW."columnId", NEW.status, NEW."publishedAt") IS DISTINCT FROM (OLD."columnId", OLD.status, OLD."publishedAt") THEN
    UPDATE "ArticleSearch" SET
      "columnId" = NEW."columnId",
      status = NEW.status,
      "publishedAt" = NEW."publishedAt",
      "publicVector" = CASE WHEN NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
                            THEN gazette_search_stamp("publicVector", NEW."publishedAt") ELSE "publicVector" END,
      "publicHead" = CASE WHEN NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
                          THEN gazette_search_stamp("publicHead", NEW."publishedAt") ELSE "publicHead" END
    WHERE "articleId" = NEW.id;
  END IF;
  RETURN NULL;
END
$fn$;

-- Stamp what is there. Without the GIN indexes during the update, then built in one pass.
DROP INDEX "ArticleSearch_publicVector_idx";
DROP INDEX "ArticleSearch_adminVector_idx";
DROP INDEX "ArticleSearch_publicHead_idx";
DROP INDEX "ArticleSearch_adminHead_idx";
UPDATE "ArticleSearch" s SET
  "publicVector" = gazette_search_stamp(s."publicVector", a."publishedAt"),
  "publicHead" = gazette_search_stamp(s."publicHead", a."publishedAt"),
  "adminVector" = gazette_search_stamp(s."adminVector", a."createdAt"),
  "adminHead" = gazette_search_stamp(s."adminHead", a."createdAt")
FROM "Article" a
WHERE a.id = s."articleId";
CREATE INDEX "ArticleSearch_publicVector_idx" ON "ArticleSearch" USING GIN ("publicVector");
CREATE INDEX "ArticleSearch_adminVector_idx" ON "ArticleSearch" USING GIN ("adminVector");
CREATE INDEX "ArticleSearch_publicHead_idx" ON "ArticleSearch" USING GIN ("publicHead");
CREATE INDEX "ArticleSearch_adminHead_idx" ON "ArticleSearch" USING GIN ("adminHead");
