-- Search: one call per search. lib/search/sql.ts ran up to a dozen statements per search
-- (compile, a transaction, month steps, count, ranking), each planned anew and each
-- paying the client library's overhead. The same steps now run inside the database in
-- one function, whose plans PL/pgSQL keeps between calls. Nothing changes in what a
-- search finds or in which order (see lib/search/sql.ts for the steps).

-- Candidates of one kind ('public' or 'admin') for a tsquery: ids in the cheap order
-- (head matches first unless by date, then newest) and how many match in all.
-- Filters: columns (NULL: any), statuses (admin; NULL: any), a publication range and
-- `now` (public). Two static queries, so that each can use its own GIN index.
CREATE FUNCTION "gazette_search_candidates"(kind text, cand tsquery, by_date boolean, column_ids int[], statuses text[],
  since timestamp, until timestamp, now_ timestamp, fetch_n int, OUT ids int[], OUT total int)
LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $fn$
BEGIN
  IF kind = 'public' THEN
    SELECT array_agg(x.id ORDER BY x.n), coalesce(max(x.total), 0)::int INTO ids, total FROM (
      SELECT s."articleId" AS id, count(*) OVER () AS total,
        row_number() OVER (ORDER BY (NOT by_date AND s."articleId" IN (
            SELECT h."articleId" FROM "ArticleSearch" h WHERE h."publicHead" @@ cand)) DESC,
          s."publishedAt" DESC NULLS LAST, s."articleId" DESC) AS n
      FROM "ArticleSearch" s
      WHERE s."publicVector" @@ cand AND s."publishedAt" <= now_
        AND (column_ids IS NULL OR s."columnId" = ANY(column_ids))
        AND (since IS NULL OR s."publishedAt" >= since) AND (until IS NULL OR s."publishedAt" < until)
      ORDER BY n LIMIT fetch_n) AS x;
  ELSE
    SELECT array_agg(x.id ORDER BY x.n), coalesce(max(x.total), 0)::int INTO ids, total FROM (
      SELECT s."articleId" AS id, count(*) OVER () AS total,
        row_number() OVER (ORDER BY (NOT by_date AND s."articleId" IN (
            SELECT h."articleId" FROM "ArticleSearch" h WHERE h."adminHead" @@ cand)) DESC, s."articleId" DESC) AS n
      FROM "ArticleSearch" s
      WHERE s."adminVector" @@ cand
        AND (column_ids IS NULL OR s."columnId" = ANY(column_ids))
        AND (statuses IS NULL OR s.status::text = ANY(statuses))
      ORDER BY n LIMIT fetch_n) AS x;
  END IF;
END
$fn$;

-- How many of one kind match, counting no further than `cap` + 1.
CREATE FUNCTION "gazette_search_count"(kind text, cand tsquery, column_ids int[], statuses text[],
  since timestamp, until timestamp, now_ timestamp, cap int) RETURNS int
LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $fn$
DECLARE
  n int;
BEGIN
  IF kind = 'public' THEN
    SELECT count(*) INTO n FROM (SELECT 1 FROM "ArticleSearch" s
      WHERE s."publicVector" @@ cand AND s."publishedAt" <= now_
        AND (column_ids IS NULL OR s."columnId" = ANY(column_ids))
        AND (since IS NULL OR s."publishedAt" >= since) AND (until IS NULL OR s."publishedAt" < until)
      LIMIT cap + 1) AS x;
  ELSE
    SELECT count(*) INTO n FROM (SELECT 1 FROM "ArticleSearch" s
      WHERE s."adminVector" @@ cand
        AND (column_ids IS NULL OR s."columnId" = ANY(column_ids))
        AND (statuses IS NULL OR s.status::text = ANY(statuses))
      LIMIT cap + 1) AS x;
  END IF;
  RETURN n;
END
$fn$;

-- One page of a search. `depth`: how deep any page of this search may go; the span of
-- time is chosen to hold that many candidates whatever page is asked for, so pages of
-- one search never overlap. Returns the page's ids in order; the number of matches (at
-- most `cap`, `capped` when there are more); `exact` false when that number counts
-- candidates not all checked for the phrase; `searchable` false when the input has
-- nothing to search for.
CREATE FUNCTION "gazette_search_page"(kind text, input text, by_date boolean, column_ids int[], statuses text[],
  since timestamp, until timestamp, now_ timestamp, page_offset int, page_limit int, depth int, rank_window int, cap int,
  OUT ids int[], OUT total int, OUT exact boolean, OUT capped boolean, OUT searchable boolean)
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  q_exact tsquery := gazette_search_query(input, true);
  q_presence tsquery := gazette_search_query(input, false);
  needs_check boolean;
  wanted int := page_offset + page_limit;
  needed int;
  fetch_n int;
  all_count int;
  step int;
  step_since timestamp;
  step_until timestamp;
  last boolean;
  cand tsquery;
  cand_ids int[];
  slice_total int;
  ordered int[];
  end_of_year timestamp := date_trunc('year', now_) + interval '1 year' - interval '1 second';
BEGIN
  searchable := q_exact IS NOT NULL;
  ids := '{}';
  total := 0;
  exact := true;
  capped := false;
  IF NOT searchable THEN
    RETURN;
  END IF;
  needs_check := q_exact::text <> q_presence::text;
  needed := CASE WHEN by_date THEN wanted ELSE greatest(rank_window, wanted) END;
  fetch_n := CASE WHEN needs_check THEN ceil(needed * 1.25)::int + 20 ELSE needed END;
  depth := greatest(depth, needed);

  -- Rare words first: when all time holds no more than `depth`, that is the span.
  all_count := gazette_search_count(kind, q_presence, column_ids, statuses, since, until, now_, cap);
  FOR step IN 0..3 LOOP
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
    cand := CASE WHEN step_since IS NULL AND step_until IS NULL THEN q_presence
                 ELSE q_presence && gazette_search_months(coalesce(step_since, '0001-01-01'), coalesce(step_until, end_of_year)) END;
    SELECT c.ids, c.total INTO cand_ids, slice_total
      FROM gazette_search_candidates(kind, cand, by_date, column_ids, statuses, since, until, now_, fetch_n) AS c;
    CONTINUE WHEN NOT last AND slice_total < depth;           -- too few this recently: look further back

    -- The first `rank_window` (relevance) ranked exactly; phrases checked where needed.
    SELECT coalesce(array_agg(r.id ORDER BY r.windowed DESC, r.rank DESC, r.n), '{}') INTO ordered FROM (
      SELECT u.id, u.n, (NOT by_date AND u.n <= rank_window) AS windowed,
        CASE WHEN NOT by_date AND u.n <= rank_window THEN gazette_search_rank(v.vector, q_exact) ELSE 0 END AS rank,
        CASE WHEN needs_check OR (NOT by_date AND u.n <= rank_window) THEN v.vector @@ q_exact ELSE true END AS ok
      FROM unnest(coalesce(cand_ids, '{}')) WITH ORDINALITY AS u(id, n)
      JOIN LATERAL (SELECT CASE WHEN kind = 'public' THEN s."publicVector" ELSE s."adminVector" END AS vector
                    FROM "ArticleSearch" s WHERE s."articleId" = u.id) AS v ON true
    ) AS r WHERE r.ok;
    CONTINUE WHEN NOT last AND cardinality(ordered) < wanted;  -- phrases dropped too many

    ids := coalesce(ordered[page_offset + 1 : wanted], '{}');
    IF last AND coalesce(cardinality(cand_ids), 0) >= slice_total THEN
      total := cardinality(ordered);                           -- every candidate there is was checked
    ELSE
      total := CASE WHEN last THEN slice_total ELSE all_count END;
      exact := NOT needs_check;
    END IF;
    capped := total > cap;
    total := least(total, cap);
    RETURN;
  END LOOP;
END
$fn$;
