-- Search, rebuilt to be small and cheap to build (issue 22).
--
-- Until now every article kept up to four stored vectors (the working copy's and the
-- live revision's, each with bigram positions, plus two heads): about 23 KB per article
-- for 3.3 KB of text, and 1.8 ms of database CPU to index one, an hour for a million.
-- Now the search row keeps the article's text once, normalised (below), and the GIN
-- indexes are built on expressions over it, so no vector is stored at all:
--
--   * the text (`adminDoc`, the working copy; `publicDoc`, the live revision, only where
--     it differs — NULL means "the same as adminDoc", the usual case) is laid out as
--     three sections, title and tags / subtitle, summary and document number / body,
--     separated by a newline, NFKC and lowercase, every run of characters the index
--     does not keep turned into one space, and a space between a Latin word or number
--     and the CJK beside it (乌海市2023年 → 乌海市 2023 年);
--   * its tokens (gazette_search_tokens) are every character once and every Latin word
--     or number, plus the month and year of the article's date: a few hundred lexemes
--     without positions, about a tenth of what the bigram vectors held;
--   * a query is first a presence test the index answers alone (all the characters and
--     words of every term, within a span of months), then each candidate that could be
--     shown is checked against its text: every term must occur as written (a phrase
--     stays a phrase, 生态保护 is not 保护生态) — gazette_search_patterns;
--   * relevance (the first RANK_WINDOW candidates) counts where the terms occur: a title
--     occurrence outweighs any number in the body, the summary lies between, and terms
--     that stand together as typed count again — gazette_search_score.
-- Heads (title section and summary section) keep an index of their own, so that head
-- matches come first in the cheap order, as before.
--
-- Semantics kept from the bigram index (lib/search/tokenizer.test.ts): a one-character
-- term finds that character anywhere; Latin words match whole (bdo is not in abdomen),
-- or by their start in the editors' search; punctuation separates (网年 is not in
-- 并网；年产), while two terms are each found anywhere.

-- Text → the normalised form described above. IMMUTABLE: indexes are built on it.
CREATE FUNCTION "gazette_search_norm"(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT btrim(regexp_replace(
           regexp_replace(
             lower(normalize(coalesce(input, ''), NFKC)),
             '(?:[^0-9a-z.\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]|(?<![0-9])[.]|[.](?![0-9]))+',
             ' ', 'g'),
           '([0-9a-z.])(?=[^0-9a-z. ])|([^0-9a-z. ])(?=[0-9a-z.])', '\1\2 ', 'g'))
$fn$;

-- An article's searchable text: title and tags / subtitle, summary and document number /
-- body (its first 100,000 characters), each section normalised.
CREATE FUNCTION "gazette_search_doc"(title text, tags text[], subtitle text, summary text, doc_no text, body text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT gazette_search_norm(concat_ws(' ', title, array_to_string(tags, ' ')))
      || E'\n' || gazette_search_norm(concat_ws(' ', subtitle, summary, doc_no))
      || E'\n' || gazette_search_norm(left(body, 100000))
$fn$;

-- The head of a searchable text: its first two sections.
CREATE FUNCTION "gazette_search_head"(doc text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT split_part(doc, E'\n', 1) || E'\n' || split_part(doc, E'\n', 2)
$fn$;

-- A search row's lexemes, for one index that serves both sides: each character and
-- each Latin word or number of two or more characters (its first 64) of the working
-- copy's text and, where it differs, of the live text; the year and month the article
-- was created ("@a2025", "@a2025-03"); and, while it is public, "@public" and the year
-- and month of its publication ("@p2025", "@p2025-03"). No text can produce "@". One
-- index, tokenised once per row: the two sides differ only for an article edited while
-- live, and there a candidate is always checked against its own side's text, so the
-- union never shows a working copy's words to the public. Index expressions run with
-- search_path limited to pg_catalog while an index is built: built-in functions only.
CREATE FUNCTION "gazette_search_tokens"(admin_doc text, public_doc text, is_public boolean, created timestamp, published timestamp)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT array_to_tsvector(
    array_remove(array_remove(string_to_array(coalesce(admin_doc, '') || ' ' || coalesce(public_doc, ''), NULL), ' '), E'\n')
    || ARRAY(SELECT left(w, 64) FROM unnest(string_to_array(translate(coalesce(admin_doc, '') || ' ' || coalesce(public_doc, ''), E'\n', ' '), ' ')) AS w
             WHERE ascii(w) < 128 AND length(w) > 1)
    || CASE WHEN created IS NULL THEN '{}'::text[] ELSE ARRAY['@a' || to_char(created, 'YYYY'), '@a' || to_char(created, 'YYYY-MM')] END
    || CASE WHEN NOT is_public THEN '{}'::text[]
            WHEN published IS NULL THEN ARRAY['@public']
            ELSE ARRAY['@public', '@p' || to_char(published, 'YYYY'), '@p' || to_char(published, 'YYYY-MM')] END)
$fn$;

-- A span of months for one side ('a': created, 'p': published), as gazette_search_months
-- asks for it (whole years where it covers them, months elsewhere).
CREATE FUNCTION "gazette_search_span"(side text, since timestamp, until timestamp) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT replace(gazette_search_months(since, until)::text, '''@', '''@' || side)::tsquery
$fn$;

-- The user's query → its terms, normalised: whitespace separates terms, a "quoted" or
-- “quoted” part is one term; at most 16 terms of the first 200 characters; terms with
-- nothing searchable in them are dropped.
CREATE FUNCTION "gazette_search_terms"(input text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(array_agg(t.term ORDER BY t.n) FILTER (WHERE t.term <> ''), '{}')
  FROM (
    SELECT gazette_search_norm(coalesce(m.match[1], m.match[2], m.match[3])) AS term, m.n
    FROM regexp_matches(left(coalesce(input, ''), 200), '"([^"]*)"|“([^”]*)”|([^\s\u3000"“”]+)', 'g') WITH ORDINALITY AS m(match, n)
    ORDER BY m.n LIMIT 16
  ) AS t
$fn$;

-- The presence test of the terms, which the index answers alone: every character and
-- every Latin word of every term (words as prefixes in the editors' search); NULL when
-- there are no terms. Lexemes hold only characters the normalisation keeps (letters,
-- digits, dots), so quoting them cannot be escaped out of.
CREATE FUNCTION "gazette_search_presence"(terms text[], word_prefix boolean) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT string_agg(DISTINCT '''' || l.lexeme || '''' || CASE WHEN word_prefix AND l.word THEN ':*' ELSE '' END, ' & ')::tsquery
  FROM unnest(terms) AS t(term),
    LATERAL (
      SELECT c AS lexeme, false AS word FROM unnest(string_to_array(t.term, NULL)) AS c WHERE c <> ' ' AND (ascii(c) >= 128 OR length(t.term) = 1)
      UNION ALL
      SELECT left(w, 64), true FROM unnest(string_to_array(t.term, ' ')) AS w WHERE ascii(w) < 128 AND length(w) > 1
      UNION ALL
      SELECT w, false FROM unnest(string_to_array(t.term, ' ')) AS w WHERE ascii(w) < 128 AND length(w) = 1 AND length(t.term) > 1
    ) AS l
$fn$;

-- Each term as a regular expression its text must match: the term's characters in
-- order (no pattern syntax can come from the user: only dots need escaping), a Latin
-- word at either end of it whole (or, in the editors' search, any word by its start).
CREATE FUNCTION "gazette_search_patterns"(terms text[], word_prefix boolean) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(array_agg(
    CASE WHEN ascii(t.term) < 128 THEN '(?:^|[ \n])' ELSE '' END
    || CASE WHEN word_prefix THEN regexp_replace(replace(t.term, '.', '\.'), '((?:[0-9a-z]|\\\.)+)', '\1[0-9a-z.]*', 'g')
            ELSE replace(t.term, '.', '\.') END
    || CASE WHEN NOT word_prefix AND ascii(right(t.term, 1)) < 128 THEN '(?=$|[ \n])' ELSE '' END
    ORDER BY t.n), '{}')
  FROM unnest(terms) WITH ORDINALITY AS t(term, n)
$fn$;

-- Whether the presence test alone decides: every term is one CJK character, or one
-- Latin word (whole, of 2 to 64 characters; in the editors' search, its prefix).
CREATE FUNCTION "gazette_search_needs_check"(terms text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(bool_or(NOT (
    (length(t) = 1 AND ascii(t) >= 128) OR (ascii(t) < 128 AND t !~ ' ' AND length(t) BETWEEN 2 AND 64))), false)
  FROM unnest(terms) AS t
$fn$;

-- How often `needle` occurs in `haystack`.
CREATE FUNCTION "gazette_search_occurrences"(haystack text, needle text) RETURNS int
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  SELECT CASE WHEN needle = '' THEN 0 ELSE (octet_length(haystack) - octet_length(replace(haystack, needle, ''))) / octet_length(needle) END
$fn$;

-- Relevance of a text that matches the terms: each occurrence of a term (and of the
-- terms together, as typed or spaced) weighs 1 in the title, 0.2 in the summary, 0.02 in
-- the body — at most 20 counted there, so that a title match outranks any body.
CREATE FUNCTION "gazette_search_score"(doc text, terms text[]) RETURNS real
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  -- PL/pgSQL reads the (compressed, out of line) text once; a SQL function would fetch
  -- it again for every section and every term.
  title text := split_part(doc, E'\n', 1);
  summary text := split_part(doc, E'\n', 2);
  body text := split_part(doc, E'\n', 3);
  needle text;
  score real := 0;
BEGIN
  FOREACH needle IN ARRAY terms || CASE WHEN cardinality(terms) > 1
                                        THEN ARRAY[array_to_string(terms, ''), array_to_string(terms, ' ')] ELSE '{}'::text[] END LOOP
    score := score + gazette_search_occurrences(title, needle) + 0.2 * gazette_search_occurrences(summary, needle)
           + 0.02 * least(gazette_search_occurrences(body, needle), 20);
  END LOOP;
  RETURN score;
END
$fn$;

-- The old vectors and everything that built or read them.
DROP TRIGGER "Article_search_sync" ON "Article";
DROP FUNCTION "gazette_search_page"(text, text, boolean, int[], text[], timestamp, timestamp, timestamp, int, int, int, int, int);
DROP FUNCTION "gazette_search_candidates"(text, tsquery, boolean, int[], text[], timestamp, timestamp, timestamp, int);
DROP FUNCTION "gazette_search_count"(text, tsquery, int[], text[], timestamp, timestamp, timestamp, int);
DROP FUNCTION "gazette_search_refresh"(integer, boolean, boolean);
DROP FUNCTION "gazette_search_index"(int[]);
DROP FUNCTION "gazette_search_query"(text, boolean, boolean);
DROP FUNCTION "gazette_search_query"(text, boolean);
DROP FUNCTION "gazette_search_query"(text);
DROP FUNCTION "gazette_search_document"(text, text[], text, text, text, text);
DROP FUNCTION "gazette_search_head"(text, text[], text, text, text);
DROP FUNCTION "gazette_search_vector"(text, text, text);
DROP FUNCTION "gazette_search_chars"(text);
DROP FUNCTION "gazette_search_restamp"(tsvector, timestamp, timestamp);
DROP FUNCTION "gazette_search_stamp"(tsvector, timestamp);
DROP FUNCTION "gazette_search_time"(timestamp);
DROP FUNCTION "gazette_search_rank"(tsvector, tsquery);
DROP FUNCTION "gazette_search_lexeme"(text, boolean);
DROP FUNCTION "gazette_search_text"(text);

DROP INDEX "ArticleSearch_publicVector_idx";
DROP INDEX "ArticleSearch_adminVector_idx";
DROP INDEX "ArticleSearch_publicHead_idx";
DROP INDEX "ArticleSearch_adminHead_idx";
ALTER TABLE "ArticleSearch" DROP COLUMN "publicVector", DROP COLUMN "adminVector", DROP COLUMN "publicHead", DROP COLUMN "adminHead",
  ADD COLUMN "createdAt" TIMESTAMP(3),
  ADD COLUMN "isPublic" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "adminDoc" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "publicDoc" TEXT;

-- The search rows of these articles, rebuilt in one statement: by the trigger for one
-- article, by bulk writes (lib/search/bulk-index.ts) for thousands.
CREATE FUNCTION "gazette_search_index"(article_ids int[]) RETURNS void
LANGUAGE sql AS $fn$
  INSERT INTO "ArticleSearch" ("articleId", "columnId", status, "publishedAt", "createdAt", "isPublic", "adminDoc", "publicDoc")
  SELECT a.id, a."columnId", a.status, a."publishedAt", a."createdAt", r.id IS NOT NULL,
    gazette_search_doc(a.title, a."titleTags", a.subtitle, a.summary, a."docNo", a."bodyText"),
    CASE WHEN r.id IS NOT NULL AND (r.title, r."titleTags", r.subtitle, r.summary, r."docNo", r."bodyText")
                IS DISTINCT FROM (a.title, a."titleTags", a.subtitle, a.summary, a."docNo", a."bodyText")
         THEN gazette_search_doc(r.title, r."titleTags", r.subtitle, r.summary, r."docNo", r."bodyText") END
  FROM "Article" a
  LEFT JOIN "ArticleRevision" r ON a.live AND r.id = a."liveRevisionId"
  WHERE a.id = ANY(article_ids)
  ON CONFLICT ("articleId") DO UPDATE SET
    "columnId" = EXCLUDED."columnId", status = EXCLUDED.status, "publishedAt" = EXCLUDED."publishedAt",
    "createdAt" = EXCLUDED."createdAt", "isPublic" = EXCLUDED."isPublic", "adminDoc" = EXCLUDED."adminDoc",
    "publicDoc" = EXCLUDED."publicDoc"
$fn$;

-- Keeps the search rows in step with every write to Article. The text is rebuilt when
-- the working copy's text or what is live changes; column, status and dates are copied
-- (a new date re-tokenises the row by itself: the indexes read its month). View counts,
-- pins and the like leave the row alone. A bulk transaction (gazette.search_deferred)
-- indexes its articles itself.
CREATE OR REPLACE FUNCTION "gazette_article_search_trigger"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF current_setting('gazette.search_deferred', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT'
     OR (NEW.title, NEW."titleTags", NEW.subtitle, NEW.summary, NEW."docNo", NEW."bodyText", NEW.live, NEW."liveRevisionId")
        IS DISTINCT FROM (OLD.title, OLD."titleTags", OLD.subtitle, OLD.summary, OLD."docNo", OLD."bodyText", OLD.live, OLD."liveRevisionId") THEN
    PERFORM gazette_search_index(ARRAY[NEW.id]);
  ELSIF (NEW."columnId", NEW.status, NEW."publishedAt", NEW."createdAt") IS DISTINCT FROM (OLD."columnId", OLD.status, OLD."publishedAt", OLD."createdAt") THEN
    UPDATE "ArticleSearch" SET "columnId" = NEW."columnId", status = NEW.status, "publishedAt" = NEW."publishedAt", "createdAt" = NEW."createdAt"
    WHERE "articleId" = NEW.id;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Article_search_sync"
  AFTER INSERT OR UPDATE OF title, "titleTags", subtitle, summary, "docNo", "bodyText", live, "liveRevisionId", "columnId", status, "publishedAt", "createdAt"
  ON "Article" FOR EACH ROW EXECUTE FUNCTION gazette_article_search_trigger();

-- Index what is there, then build the indexes once, over the filled table.
SELECT gazette_search_index(ARRAY(SELECT id FROM "Article"));
CLUSTER "ArticleSearch" USING "ArticleSearch_pkey";

CREATE INDEX "ArticleSearch_tokens_idx" ON "ArticleSearch" USING GIN (
  gazette_search_tokens("adminDoc", "publicDoc", "isPublic", "createdAt", "publishedAt"));
CREATE INDEX "ArticleSearch_head_idx" ON "ArticleSearch" USING GIN (
  gazette_search_tokens(gazette_search_head("adminDoc"), gazette_search_head("publicDoc"), "isPublic", "createdAt", "publishedAt"));


-- Candidates of one kind ('public' or 'admin') for a presence test `cand` (the terms
-- and the side's token, perhaps within a span of months): in the cheap order (head
-- matches first unless by date, then newest), each checked against its side's text
-- (`patterns`, when `check_all` or when the row's two sides differ) until `fetch_n`
-- pass. `total`: how many pass the presence test; `checked`: how many were checked on
-- the way (with the number that passed, it estimates the rest).
CREATE FUNCTION "gazette_search_candidates"(kind text, cand tsquery, patterns text[], check_all boolean, by_date boolean,
  column_ids int[], statuses text[], since timestamp, until timestamp, now_ timestamp, fetch_n int,
  OUT ids int[], OUT total int, OUT checked int)
LANGUAGE plpgsql STABLE SET enable_seqscan = off SET work_mem = '32MB' AS $fn$
DECLARE
  candidate record;
  ok boolean;
BEGIN
  ids := '{}';
  total := 0;
  checked := 0;
  FOR candidate IN
    SELECT x.id, x.total, x.split FROM (
      SELECT s."articleId" AS id, count(*) OVER () AS total, s."publicDoc" IS NOT NULL AS split,
        row_number() OVER (ORDER BY (NOT by_date AND s."articleId" IN (
            SELECT h."articleId" FROM "ArticleSearch" h
            WHERE gazette_search_tokens(gazette_search_head(h."adminDoc"), gazette_search_head(h."publicDoc"), h."isPublic", h."createdAt", h."publishedAt") @@ cand)) DESC,
          CASE WHEN kind = 'public' THEN s."publishedAt" END DESC NULLS LAST, s."articleId" DESC) AS n
      FROM "ArticleSearch" s
      WHERE gazette_search_tokens(s."adminDoc", s."publicDoc", s."isPublic", s."createdAt", s."publishedAt") @@ cand
        AND (kind = 'admin' OR (s."isPublic" AND s."publishedAt" <= now_
          AND (since IS NULL OR s."publishedAt" >= since) AND (until IS NULL OR s."publishedAt" < until)))
        AND (column_ids IS NULL OR s."columnId" = ANY(column_ids))
        AND (statuses IS NULL OR s.status::text = ANY(statuses))
    ) AS x ORDER BY x.n
  LOOP
    total := candidate.total;
    IF check_all OR candidate.split THEN
      SELECT CASE WHEN kind = 'public' THEN coalesce(s."publicDoc", s."adminDoc") ELSE s."adminDoc" END ~ ALL (patterns)
        INTO ok FROM "ArticleSearch" s WHERE s."articleId" = candidate.id;
      checked := checked + 1;
    ELSE
      ok := true;
    END IF;
    IF ok THEN
      ids := ids || candidate.id;
      EXIT WHEN cardinality(ids) >= fetch_n;
    END IF;
  END LOOP;
END
$fn$;

-- How many of one kind pass the presence test, counting no further than `cap` + 1.
CREATE FUNCTION "gazette_search_count"(kind text, cand tsquery, column_ids int[], statuses text[],
  since timestamp, until timestamp, now_ timestamp, cap int) RETURNS int
LANGUAGE sql STABLE SET enable_seqscan = off SET work_mem = '32MB' AS $fn$
  SELECT count(*)::int FROM (SELECT 1 FROM "ArticleSearch" s
    WHERE gazette_search_tokens(s."adminDoc", s."publicDoc", s."isPublic", s."createdAt", s."publishedAt") @@ cand
      AND (kind = 'admin' OR (s."isPublic" AND s."publishedAt" <= now_
        AND (since IS NULL OR s."publishedAt" >= since) AND (until IS NULL OR s."publishedAt" < until)))
      AND (column_ids IS NULL OR s."columnId" = ANY(column_ids))
      AND (statuses IS NULL OR s.status::text = ANY(statuses))
    LIMIT cap + 1) AS x
$fn$;

-- One page of a search (see lib/search/sql.ts). `depth`: how deep any page of this
-- search may go; the span of time is chosen to hold that many candidates whatever page
-- is asked for, so pages of one search never overlap. Returns the page's ids in order;
-- the number of matches (at most `cap`, `capped` when there are more); `exact` false
-- when that number is estimated from the share of checked candidates that passed;
-- `searchable` false when the input has nothing to search for.
CREATE FUNCTION "gazette_search_page"(kind text, input text, by_date boolean, column_ids int[], statuses text[],
  since timestamp, until timestamp, now_ timestamp, page_offset int, page_limit int, depth int, rank_window int, cap int,
  OUT ids int[], OUT total int, OUT exact boolean, OUT capped boolean, OUT searchable boolean)
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  terms text[] := gazette_search_terms(input);
  side text := CASE WHEN kind = 'public' THEN 'p' ELSE 'a' END;
  -- The public side's rows are told apart by "isPublic" (and its months by their "@p"
  -- tokens), not by asking the index for "@public": that list holds nearly every row,
  -- and intersecting it would cost more than the words themselves.
  q tsquery := gazette_search_presence(terms, kind = 'admin');
  patterns text[] := gazette_search_patterns(terms, kind = 'admin');
  check_all boolean := gazette_search_needs_check(terms);
  count_cap int := CASE WHEN check_all THEN cap * 4 ELSE cap END;
  base int;
  wanted int := page_offset + page_limit;
  needed int;
  all_count int;
  step int;
  step_since timestamp;
  step_until timestamp;
  last boolean;
  cand tsquery;
  cand_ids int[];
  slice_total int;
  slice_checked int;
  ordered int[];
  estimate double precision;
  end_of_year timestamp := date_trunc('year', now_) + interval '1 year' - interval '1 second';
BEGIN
  searchable := cardinality(terms) > 0;
  ids := '{}';
  total := 0;
  exact := true;
  capped := false;
  IF NOT searchable THEN
    RETURN;
  END IF;
  needed := CASE WHEN by_date THEN wanted ELSE greatest(rank_window, wanted) END;
  depth := greatest(depth, needed);

  -- The last months first: a common word fills them alone, and all time is never
  -- counted (the dearest query there is: every match of every year). Otherwise, rare
  -- words: when all time holds no more than `depth`, that is the span. (Counted
  -- further when candidates are checked: the share that passes scales it down.)
  FOR step IN 0..3 LOOP
    IF step > 0 AND all_count IS NULL THEN
      all_count := gazette_search_count(kind, q, column_ids, statuses, since, until, now_, count_cap);
    END IF;
    IF all_count <= depth OR step = 3 THEN
      step_since := since;
      step_until := until;
      last := true;
    ELSE
      -- The last 3 months; else this year and last; else the last five years.
      step_since := CASE step
        WHEN 0 THEN date_trunc('month', now_) - interval '2 months'
        WHEN 1 THEN date_trunc('year', now_) - interval '1 year'
        ELSE date_trunc('year', now_) - interval '4 years' END;
      step_until := CASE WHEN step = 0 THEN now_ ELSE end_of_year END;
      last := since IS NOT NULL AND step_since <= since;
      IF last THEN
        step_since := since;
      END IF;
      IF until IS NOT NULL AND until < step_until THEN
        step_until := until;
      END IF;
      CONTINUE WHEN NOT last AND step_since > step_until;   -- the range ends before these months
    END IF;
    cand := CASE WHEN step_since IS NULL AND step_until IS NULL THEN q
                 ELSE q && gazette_search_span(side, coalesce(step_since, '0001-01-01'), coalesce(step_until, end_of_year)) END;
    SELECT c.ids, c.total, c.checked INTO cand_ids, slice_total, slice_checked
      FROM gazette_search_candidates(kind, cand, patterns, check_all, by_date, column_ids, statuses, since, until, now_, needed) AS c;
    CONTINUE WHEN NOT last AND slice_total < depth;            -- too few this recently: look further back
    CONTINUE WHEN NOT last AND cardinality(cand_ids) < wanted; -- the text check dropped too many

    -- The first `rank_window` (relevance) ranked by where the terms occur; the rest keep their order.
    IF by_date THEN
      ordered := cand_ids;
    ELSE
      SELECT coalesce(array_agg(r.id ORDER BY r.windowed DESC, r.rank DESC, r.n), '{}') INTO ordered FROM (
        SELECT u.id, u.n, u.n <= rank_window AS windowed,
          CASE WHEN u.n <= rank_window
               THEN gazette_search_score(CASE WHEN kind = 'public' THEN coalesce(s."publicDoc", s."adminDoc") ELSE s."adminDoc" END, terms)
               ELSE 0 END AS rank
        FROM unnest(cand_ids) WITH ORDINALITY AS u(id, n)
        JOIN "ArticleSearch" s ON s."articleId" = u.id
      ) AS r;
    END IF;

    ids := coalesce(ordered[page_offset + 1 : wanted], '{}');
    IF NOT last AND all_count IS NULL AND slice_total <= count_cap THEN
      all_count := gazette_search_count(kind, q, column_ids, statuses, since, until, now_, count_cap);
    END IF;
    base := CASE WHEN last THEN slice_total ELSE greatest(slice_total, all_count) END;
    IF last AND cardinality(cand_ids) < needed THEN
      total := cardinality(cand_ids);                          -- every candidate there is was taken
    ELSIF NOT check_all THEN
      total := base;
    ELSE
      -- Estimated: the candidates times the share of the checked ones that passed.
      estimate := base::double precision * cardinality(cand_ids) / greatest(slice_checked, 1);
      total := greatest(round(estimate)::int, cardinality(cand_ids));
      exact := false;
    END IF;
    capped := total > cap;
    total := least(total, cap);
    RETURN;
  END LOOP;
END
$fn$;
