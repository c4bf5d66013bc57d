-- Search: exact one-character lookups, and year tokens.
--
-- 1. A one-character query (生, 局) used a prefix match ('生':* finds 生 as the first
--    character of any bigram), which makes the GIN index merge the lists of every bigram
--    starting with that character, across all years, before anything else: slow for the
--    common characters people do type. Every vector now also holds each character of the
--    document once, as "~生": no position, and a "~" no text can produce, so a phrase can
--    never match one of them — only the candidate step (a presence test) asks for them.
--    Ranking and phrase checks still use the positions of the bigrams.
-- 2. Asking for "any of 48 months" makes the index merge 48 lists. Vectors now also hold
--    their year ("@2025"), and a span is asked for as whole years plus the odd months at
--    its ends, a handful of tokens at most.

CREATE FUNCTION "gazette_search_year"(at timestamp) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  SELECT '@' || lpad(extract(year FROM at)::int::text, 4, '0')
$fn$;

CREATE OR REPLACE FUNCTION "gazette_search_stamp"(v tsvector, at timestamp) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT ts_delete(v, ARRAY(SELECT u.lexeme FROM unnest(v) AS u WHERE u.lexeme LIKE '@%'))
      || CASE WHEN at IS NULL THEN ''::tsvector
              ELSE array_to_tsvector(ARRAY[gazette_search_year(at), gazette_search_month(at)]) END
$fn$;

-- The span from `since` to `until` (both included, by month) as whole years where it
-- covers them and months elsewhere.
CREATE OR REPLACE FUNCTION "gazette_search_months"(since timestamp, until timestamp) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(
    (SELECT string_agg(DISTINCT quote_literal(
              CASE WHEN date_trunc('year', m) >= date_trunc('month', since)
                        AND date_trunc('year', m) + interval '11 months' <= until
                   THEN gazette_search_year(m) ELSE gazette_search_month(m) END), ' | ')
       FROM generate_series(date_trunc('month', since), until, interval '1 month') AS m)::tsquery,
    '''@none'''::tsquery)
$fn$;

-- Every character of the text that the index tokenises as CJK (or other non-ASCII
-- letters), once each, as "~X" without position.
CREATE FUNCTION "gazette_search_chars"(input text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT array_to_tsvector(array_remove(string_to_array(
    regexp_replace(
      regexp_replace(lower(normalize(coalesce(input, ''), NFKC)),
        '[^\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]+',
        '', 'g'),
      '(.)', '~\1 ', 'g'),
    ' '), ''))
$fn$;

CREATE OR REPLACE FUNCTION "gazette_search_document"(title text, tags text[], subtitle text, summary text, doc_no text, body text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT gazette_search_vector(concat_ws(' ', title, array_to_string(tags, ' ')), concat_ws(' ', subtitle, summary, doc_no), body)
      || gazette_search_chars(concat_ws(' ', title, array_to_string(tags, ' '), subtitle, summary, doc_no, left(body, 100000)))
$fn$;

CREATE OR REPLACE FUNCTION "gazette_search_head"(title text, tags text[], subtitle text, summary text, doc_no text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT strip(to_tsvector('pg_catalog.simple', gazette_search_text(concat_ws(' ', title, array_to_string(tags, ' '), subtitle, summary, doc_no))))
      || gazette_search_chars(concat_ws(' ', title, array_to_string(tags, ' '), subtitle, summary, doc_no))
$fn$;

-- As before (see *_search_candidates), except for single characters: a term that is one
-- character is '生':* when exact (its positions, for phrases and ranking) and '~生' as a
-- presence test; a one-character run inside a longer term is the plain lexeme 'X', which
-- the text always has there (a run's first and last characters are indexed alone).
CREATE OR REPLACE FUNCTION "gazette_search_query"(input text, exact boolean) RETURNS tsquery
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
  lone text[];
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
    lone := '{}';
    paired := NULL;
    FOR i IN 1..n LOOP
      lexeme := lexemes[i];
      IF lexeme ~ '^[ -~]+$' OR char_length(lexeme) = 2 THEN
        items := items || gazette_search_lexeme(lexeme, false);   -- ASCII word or bigram
        at := at || positions[i];
        lone := lone || NULL::text;
      ELSIF positions[i] = paired THEN
        NULL;                                                      -- second half of "X X"
      ELSIF i < n AND positions[i + 1] = positions[i] + 1 AND char_length(lexemes[i + 1]) = 2
            AND left(lexemes[i + 1], 1) = lexeme THEN
        NULL;                                                      -- first character of a run
      ELSIF i > 1 AND positions[i - 1] = positions[i] - 1 AND char_length(lexemes[i - 1]) = 2
            AND right(lexemes[i - 1], 1) = lexeme THEN
        NULL;                                                      -- last character of a run
      ELSE
        items := items || gazette_search_lexeme(lexeme, false);   -- a one-character run
        at := at || positions[i];
        lone := lone || lexeme;
        paired := positions[i] + 1;
      END IF;
    END LOOP;
    CONTINUE WHEN cardinality(items) = 0;
    IF cardinality(items) = 1 AND lone[1] IS NOT NULL THEN
      -- The whole term is one character: anywhere in a run, not only where it stands alone.
      phrase := CASE WHEN exact THEN gazette_search_lexeme(lone[1], true) ELSE gazette_search_lexeme('~' || lone[1], false) END;
    ELSE
      phrase := items[1];
      FOR i IN 2..cardinality(items) LOOP
        phrase := CASE WHEN exact THEN tsquery_phrase(phrase, items[i], at[i] - at[i - 1]) ELSE phrase && items[i] END;
      END LOOP;
      IF exact AND lone[1] IS NOT NULL THEN
        -- A term that starts with a one-character run: in the text that character may end
        -- a longer run, one position closer to the rest (see *_search_query_first_character).
        variant := tsquery_phrase(items[1], items[2], at[2] - at[1] - 1);
        FOR i IN 3..cardinality(items) LOOP
          variant := tsquery_phrase(variant, items[i], at[i] - at[i - 1]);
        END LOOP;
        phrase := phrase || variant;
      END IF;
    END IF;
    result := CASE WHEN result IS NULL THEN phrase ELSE result && phrase END;
  END LOOP;
  RETURN result;
END
$fn$;

-- Add the characters and the years to what is there: from the same text the vectors were
-- made of (the live revision for the public ones), without re-tokenising the bigrams.
-- Without the GIN indexes during the update, then built in one pass.
DROP INDEX "ArticleSearch_publicVector_idx";
DROP INDEX "ArticleSearch_adminVector_idx";
DROP INDEX "ArticleSearch_publicHead_idx";
DROP INDEX "ArticleSearch_adminHead_idx";
UPDATE "ArticleSearch" s SET
  "adminVector" = gazette_search_stamp(s."adminVector" || gazette_search_chars(concat_ws(' ', a.title, array_to_string(a."titleTags", ' '),
                    a.subtitle, a.summary, a."docNo", left(a."bodyText", 100000))), a."createdAt"),
  "adminHead" = gazette_search_stamp(s."adminHead" || gazette_search_chars(concat_ws(' ', a.title, array_to_string(a."titleTags", ' '),
                    a.subtitle, a.summary, a."docNo")), a."createdAt"),
  "publicVector" = CASE WHEN s."publicVector" IS NULL OR r.id IS NULL THEN s."publicVector" ELSE
                     gazette_search_stamp(s."publicVector" || gazette_search_chars(concat_ws(' ', r.title, array_to_string(r."titleTags", ' '),
                       r.subtitle, r.summary, r."docNo", left(r."bodyText", 100000))), a."publishedAt") END,
  "publicHead" = CASE WHEN s."publicHead" IS NULL OR r.id IS NULL THEN s."publicHead" ELSE
                   gazette_search_stamp(s."publicHead" || gazette_search_chars(concat_ws(' ', r.title, array_to_string(r."titleTags", ' '),
                     r.subtitle, r.summary, r."docNo")), a."publishedAt") END
FROM "Article" a LEFT JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
WHERE a.id = s."articleId";
CREATE INDEX "ArticleSearch_publicVector_idx" ON "ArticleSearch" USING GIN ("publicVector");
CREATE INDEX "ArticleSearch_adminVector_idx" ON "ArticleSearch" USING GIN ("adminVector");
CREATE INDEX "ArticleSearch_publicHead_idx" ON "ArticleSearch" USING GIN ("publicHead");
CREATE INDEX "ArticleSearch_adminHead_idx" ON "ArticleSearch" USING GIN ("adminHead");
