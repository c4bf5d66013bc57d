-- Search, made fast at 100,000+ articles. Ranking every match needs each match's whole
-- vector (several KB, stored out of line), which is far too slow for common words such
-- as 生态 that occur in a quarter of all articles. Queries now work in two steps:
--   1. candidates: the GIN index finds every article containing all the query's tokens
--      (no positions needed, so no vector is unpacked), ordered cheaply: matches in the
--      head (title, tags, subtitle, summary, document number) first, then newest first,
--      with the filters read from copies of the article's column, status and date;
--   2. exact: only the first candidates' vectors are read, to check phrases (tokens in
--      order) and to rank by relevance.
-- See lib/search/sql.ts for the query side.

-- AlterTable
ALTER TABLE "ArticleSearch" ADD COLUMN     "adminHead" tsvector,
ADD COLUMN     "columnId" INTEGER,
ADD COLUMN     "publicHead" tsvector,
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "status" "ArticleStatus";

-- Room on every page for HOT updates: column, status and date change on publish, move
-- and withdraw, and a HOT update does not touch the large GIN entries.
ALTER TABLE "ArticleSearch" SET (fillfactor = 80);

-- The fields above the body, as the document vector weights them (A: title and tags;
-- B: subtitle, summary, document number) — one definition for both vectors below.
CREATE FUNCTION "gazette_search_document"(title text, tags text[], subtitle text, summary text, doc_no text, body text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT gazette_search_vector(concat_ws(' ', title, array_to_string(tags, ' ')), concat_ws(' ', subtitle, summary, doc_no), body)
$fn$;

-- The head: the same fields without the body, and without positions (a presence test
-- needs none) — a few hundred bytes that stay inside the row.
CREATE FUNCTION "gazette_search_head"(title text, tags text[], subtitle text, summary text, doc_no text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT strip(to_tsvector('pg_catalog.simple', gazette_search_text(concat_ws(' ', title, array_to_string(tags, ' '), subtitle, summary, doc_no))))
$fn$;

-- The query, exact (phrases: tokens in order at their distances) or as a presence test
-- (all tokens anywhere), which a GIN index answers without reading any vector. Same
-- terms and tokens as before (see the *_search and *_search_query_first_character
-- migrations for the rules); `exact` only changes how a term's tokens are combined.
CREATE FUNCTION "gazette_search_query"(input text, exact boolean) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  term text;
  lexemes text[];
  positions int[];
  n int;
  i int;
  lexeme text;
  items tsquery[];
  at int[];
  lone_first boolean;
  phrase tsquery;
  variant tsquery;
  paired int;
  result tsquery;
BEGIN
  FOR term IN
    SELECT coalesce(m[1], m[2], m[3])
    FROM regexp_matches(left(coalesce(input, ''), 200), '"([^"]*)"|“([^”]*)”|([^\s\u3000"“”]+)', 'g') AS m
    LIMIT 16
  LOOP
    SELECT array_agg(t.lexeme ORDER BY p), array_agg(p ORDER BY p)
      INTO lexemes, positions
      FROM unnest(to_tsvector('pg_catalog.simple', gazette_search_text(term))) AS t, unnest(t.positions) AS p;
    n := coalesce(array_length(lexemes, 1), 0);
    items := '{}';
    at := '{}';
    lone_first := false;
    paired := NULL;
    FOR i IN 1..n LOOP
      lexeme := lexemes[i];
      IF lexeme ~ '^[ -~]+$' OR char_length(lexeme) = 2 THEN
        items := items || gazette_search_lexeme(lexeme, false);   -- ASCII word or bigram
        at := at || positions[i];
      ELSIF positions[i] = paired THEN
        NULL;                                                      -- second half of "X X"
      ELSIF i < n AND positions[i + 1] = positions[i] + 1 AND char_length(lexemes[i + 1]) = 2
            AND left(lexemes[i + 1], 1) = lexeme THEN
        NULL;                                                      -- first character of a run
      ELSIF i > 1 AND positions[i - 1] = positions[i] - 1 AND char_length(lexemes[i - 1]) = 2
            AND right(lexemes[i - 1], 1) = lexeme THEN
        NULL;                                                      -- last character of a run
      ELSE
        items := items || gazette_search_lexeme(lexeme, true);    -- a one-character run
        at := at || positions[i];
        lone_first := lone_first OR cardinality(items) = 1;
        paired := positions[i] + 1;
      END IF;
    END LOOP;
    CONTINUE WHEN cardinality(items) = 0;
    phrase := items[1];
    FOR i IN 2..cardinality(items) LOOP
      phrase := CASE WHEN exact THEN tsquery_phrase(phrase, items[i], at[i] - at[i - 1]) ELSE phrase && items[i] END;
    END LOOP;
    IF exact AND lone_first AND cardinality(items) > 1 THEN
      variant := tsquery_phrase(items[1], items[2], at[2] - at[1] - 1);
      FOR i IN 3..cardinality(items) LOOP
        variant := tsquery_phrase(variant, items[i], at[i] - at[i - 1]);
      END LOOP;
      phrase := phrase || variant;
    END IF;
    result := CASE WHEN result IS NULL THEN phrase ELSE result && phrase END;
  END LOOP;
  RETURN result;
END
$fn$;

CREATE OR REPLACE FUNCTION "gazette_search_query"(input text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT gazette_search_query(input, true)
$fn$;

-- Recomputes an article's search row: the copies of column, status and date always;
-- the admin vectors (working copy) and the public ones (live revision while live, else
-- NULL) when asked. A live revision with the working copy's text reuses its vectors.
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
  SELECT id, title, "titleTags", subtitle, summary, "docNo", "bodyText", live, "liveRevisionId", "columnId", status, "publishedAt"
    INTO a FROM "Article" WHERE id = article_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF refresh_admin THEN
    admin_vector := gazette_search_document(a.title, a."titleTags", a.subtitle, a.summary, a."docNo", a."bodyText");
    admin_head := gazette_search_head(a.title, a."titleTags", a.subtitle, a.summary, a."docNo");
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
  ELSIF (NEW."columnId", NEW.status, NEW."publishedAt") IS DISTINCT FROM (OLD."columnId", OLD.status, OLD."publishedAt") THEN
    UPDATE "ArticleSearch" SET "columnId" = NEW."columnId", status = NEW.status, "publishedAt" = NEW."publishedAt"
    WHERE "articleId" = NEW.id;
  END IF;
  RETURN NULL;
END
$fn$;

DROP TRIGGER "Article_search_sync" ON "Article";
CREATE TRIGGER "Article_search_sync"
  AFTER INSERT OR UPDATE OF title, "titleTags", subtitle, summary, "docNo", "bodyText", live, "liveRevisionId",
    "columnId", status, "publishedAt" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION gazette_article_search_trigger();

-- Backfill the new columns. Without the GIN indexes during the update (every updated row
-- would re-insert all its tokens), then built in one pass.
DROP INDEX "ArticleSearch_publicVector_idx";
DROP INDEX "ArticleSearch_adminVector_idx";
UPDATE "ArticleSearch" s SET
  "columnId" = a."columnId",
  status = a.status,
  "publishedAt" = a."publishedAt",
  "adminHead" = gazette_search_head(a.title, a."titleTags", a.subtitle, a.summary, a."docNo"),
  "publicHead" = CASE WHEN s."publicVector" IS NULL OR r.id IS NULL THEN NULL
                      ELSE gazette_search_head(r.title, r."titleTags", r.subtitle, r.summary, r."docNo") END
FROM "Article" a LEFT JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
WHERE a.id = s."articleId";

-- CreateIndex
CREATE INDEX "ArticleSearch_publicVector_idx" ON "ArticleSearch" USING GIN ("publicVector");

-- CreateIndex
CREATE INDEX "ArticleSearch_adminVector_idx" ON "ArticleSearch" USING GIN ("adminVector");

-- CreateIndex
CREATE INDEX "ArticleSearch_publicHead_idx" ON "ArticleSearch" USING GIN ("publicHead");

-- CreateIndex
CREATE INDEX "ArticleSearch_adminHead_idx" ON "ArticleSearch" USING GIN ("adminHead");
