-- CreateTable
CREATE TABLE "ArticleSearch" (
    "articleId" INTEGER NOT NULL,
    "publicVector" tsvector,
    "adminVector" tsvector,

    CONSTRAINT "ArticleSearch_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "ArticleSearch_publicVector_idx" ON "ArticleSearch" USING GIN ("publicVector");

-- CreateIndex
CREATE INDEX "ArticleSearch_adminVector_idx" ON "ArticleSearch" USING GIN ("adminVector");

-- AddForeignKey
ALTER TABLE "ArticleSearch" ADD CONSTRAINT "ArticleSearch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Site and admin search (issue 6). PostgreSQL's parsers do not segment Chinese, so the
-- index is built from our own token stream (gazette_search_text): runs of CJK (and other
-- non-ASCII letters) become overlapping character bigrams framed by the run's first and
-- last character as single-character tokens, ASCII words and decimal numbers stay whole
-- (100mw, bdo, pm2.5). The `simple` configuration then only lowercases and numbers the
-- tokens, so positions count characters and a phrase is consecutive bigrams.

-- Text → space-separated tokens. IMMUTABLE: the triggers and the query builder must
-- produce the same tokens for the same text, forever. Steps:
--   1. NFKC (full-width ＰＭ２．５ → PM2.5, compatibility ideographs) and lowercase;
--   2. everything that is neither a letter of the scripts we index, an ASCII digit/letter
--      nor a dot becomes a separator (punctuation, symbols, emoji, whitespace);
--   3. a dot survives only between two digits (2.5, pm2.5), elsewhere it separates;
--   4. ASCII words are cut off from neighbouring CJK (2023年 → 2023 年), at most 64
--      characters each (the parser ignores words over 2 KB);
--   5. every character X becomes "X X", so a run ABC reads "A AB BC C"; then ASCII
--      words are put back together ("b bd do o" → "bdo"). Doubling everything and
--      repairing the few ASCII words is twice as fast as doubling only non-ASCII.
CREATE FUNCTION "gazette_search_text"(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT regexp_replace(
         regexp_replace(
           regexp_replace(
             regexp_replace(
               regexp_replace(
                 lower(normalize(coalesce(input, ''), NFKC)),
                 '[^0-9a-z.\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]+',
                 ' ', 'g'),
               '(?<![0-9])[.]|[.](?![0-9])', ' ', 'g'),
             '([0-9a-z.]{1,64})', ' \1 ', 'g'),
           '(.)', '\1 \1', 'g'),
         '([!-~]) \1', '\1', 'g')
$fn$;

-- The document vector: title weighted A, subtitle/summary/document number B, body C.
-- The body is capped at 100,000 characters so a huge paste can never exceed the 1 MB
-- tsvector limit and fail the save; positions past 16,383 are clamped by PostgreSQL,
-- so phrases deep into very long bodies match as loose terms only.
CREATE FUNCTION "gazette_search_vector"(title text, extra text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT setweight(to_tsvector('pg_catalog.simple', gazette_search_text(title)), 'A')
      || setweight(to_tsvector('pg_catalog.simple', gazette_search_text(extra)), 'B')
      || setweight(to_tsvector('pg_catalog.simple', gazette_search_text(left(body, 100000))), 'C')
$fn$;

-- Relevance: cover density (terms close together and phrases score higher) with steep
-- weights, so a title match outranks even many body matches. D is unused.
CREATE FUNCTION "gazette_search_rank"(vector tsvector, query tsquery) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT ts_rank_cd('{0, 0.02, 0.2, 1}'::real[], vector, query)
$fn$;

-- One lexeme as a tsquery, built without parsing user input: lexemes come out of
-- gazette_search_text, and quotes/backslashes are escaped all the same.
CREATE FUNCTION "gazette_search_lexeme"(lexeme text, prefix boolean) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  SELECT ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
          || CASE WHEN prefix THEN ':*' ELSE '' END)::tsquery
$fn$;

-- The user's query → tsquery, or NULL when nothing in it is searchable.
-- Terms are separated by whitespace (a "quoted" or “quoted” part is one term); every
-- term must match (AND), as a phrase: its tokens in order at their exact distances.
-- Within a term, CJK runs of two or more characters are matched by their bigrams; a
-- one-character run by prefix (X:* finds X as a bigram's first character or alone),
-- so 生 finds every 生. At most 16 terms of the first 200 characters are used.
CREATE FUNCTION "gazette_search_query"(input text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  term text;
  lexemes text[];
  positions int[];
  n int;
  i int;
  lexeme text;
  item tsquery;
  phrase tsquery;
  previous int;
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
    phrase := NULL;
    previous := NULL;
    paired := NULL;
    FOR i IN 1..n LOOP
      lexeme := lexemes[i];
      item := NULL;
      IF lexeme ~ '^[ -~]+$' OR char_length(lexeme) = 2 THEN
        item := gazette_search_lexeme(lexeme, false);          -- ASCII word or bigram
      ELSIF positions[i] = paired THEN
        NULL;                                                   -- second half of "X X"
      ELSIF i < n AND positions[i + 1] = positions[i] + 1 AND char_length(lexemes[i + 1]) = 2
            AND left(lexemes[i + 1], 1) = lexeme THEN
        NULL;                                                   -- first character of a run
      ELSIF i > 1 AND positions[i - 1] = positions[i] - 1 AND char_length(lexemes[i - 1]) = 2
            AND right(lexemes[i - 1], 1) = lexeme THEN
        NULL;                                                   -- last character of a run
      ELSE
        item := gazette_search_lexeme(lexeme, true);           -- a one-character run
        paired := positions[i] + 1;
      END IF;
      IF item IS NOT NULL THEN
        phrase := CASE WHEN phrase IS NULL THEN item ELSE tsquery_phrase(phrase, item, positions[i] - previous) END;
        previous := positions[i];
      END IF;
    END LOOP;
    IF phrase IS NOT NULL THEN
      result := CASE WHEN result IS NULL THEN phrase ELSE result && phrase END;
    END IF;
  END LOOP;
  RETURN result;
END
$fn$;

-- Recomputes an article's search row (the trigger below, and the backfill). The admin vector is the working copy; the public
-- vector is the live revision while the article is live, else NULL — so an edit under
-- review never leaks, and a withdrawn article drops out at once. When the live revision
-- has the same text as the working copy (the usual case) its vector is reused.
CREATE FUNCTION "gazette_search_refresh"(article_id integer, refresh_admin boolean, refresh_public boolean)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  a record;
  r record;
  admin_vector tsvector;
  public_vector tsvector;
BEGIN
  SELECT id, title, "titleTags", subtitle, summary, "docNo", "bodyText", live, "liveRevisionId"
    INTO a FROM "Article" WHERE id = article_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF refresh_admin THEN
    admin_vector := gazette_search_vector(concat_ws(' ', a.title, array_to_string(a."titleTags", ' ')),
                                          concat_ws(' ', a.subtitle, a.summary, a."docNo"), a."bodyText");
  ELSE
    SELECT "adminVector" INTO admin_vector FROM "ArticleSearch" WHERE "articleId" = article_id;
  END IF;
  IF refresh_public AND a.live AND a."liveRevisionId" IS NOT NULL THEN
    SELECT title, "titleTags", subtitle, summary, "docNo", "bodyText"
      INTO r FROM "ArticleRevision" WHERE id = a."liveRevisionId";
    IF FOUND THEN
      IF admin_vector IS NOT NULL AND (r.title, r."titleTags", r.subtitle, r.summary, r."docNo", r."bodyText")
           IS NOT DISTINCT FROM (a.title, a."titleTags", a.subtitle, a.summary, a."docNo", a."bodyText") THEN
        public_vector := admin_vector;
      ELSE
        public_vector := gazette_search_vector(concat_ws(' ', r.title, array_to_string(r."titleTags", ' ')),
                                               concat_ws(' ', r.subtitle, r.summary, r."docNo"), r."bodyText");
      END IF;
    END IF;
  END IF;
  INSERT INTO "ArticleSearch" ("articleId", "adminVector", "publicVector")
  VALUES (article_id, admin_vector, public_vector)
  ON CONFLICT ("articleId") DO UPDATE SET
    "adminVector" = EXCLUDED."adminVector",
    "publicVector" = CASE WHEN refresh_public THEN EXCLUDED."publicVector" ELSE "ArticleSearch"."publicVector" END;
END
$fn$;

CREATE FUNCTION "gazette_article_search_trigger"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  admin_changed boolean;
  public_changed boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    admin_changed := true;
    public_changed := true;
  ELSE
    admin_changed := (NEW.title, NEW."titleTags", NEW.subtitle, NEW.summary, NEW."docNo", NEW."bodyText")
      IS DISTINCT FROM (OLD.title, OLD."titleTags", OLD.subtitle, OLD.summary, OLD."docNo", OLD."bodyText");
    public_changed := (NEW.live, NEW."liveRevisionId") IS DISTINCT FROM (OLD.live, OLD."liveRevisionId");
  END IF;
  IF admin_changed OR public_changed THEN
    PERFORM gazette_search_refresh(NEW.id, admin_changed, public_changed);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Article_search_sync"
  AFTER INSERT OR UPDATE OF title, "titleTags", subtitle, summary, "docNo", "bodyText", live, "liveRevisionId" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION gazette_article_search_trigger();

-- Index what is already there.
SELECT gazette_search_refresh(id, true, true) FROM "Article";
