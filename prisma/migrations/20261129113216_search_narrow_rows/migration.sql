-- Search: keep the phrase check on the page's candidates. With a phrase query the
-- planner may turn "is the phrase in this candidate's vector" into a scan of every
-- article holding the words (an index scan with a recheck that unpacks each vector):
-- fifteen thousand vectors instead of a hundred for 黄河流域生态保护. The candidates are
-- now fetched by id behind an optimisation fence first.
--
-- And keep the search rows narrow: the head vectors (a few hundred bytes each) made a
-- row about 1.5 KB, six to a page, so finding the newest matches read many pages. Rows
-- now keep every vector out of line (toast_tuple_target), about 120 bytes each, and the
-- table is rewritten compactly once (CLUSTER, which also drops the space earlier
-- migrations' updates left behind).

ALTER TABLE "ArticleSearch" SET (toast_tuple_target = 128);
CLUSTER "ArticleSearch" USING "ArticleSearch_pkey";

CREATE OR REPLACE FUNCTION "gazette_search_page"(kind text, input text, by_date boolean, column_ids int[], statuses text[],
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
      SELECT c.id, c.n, c.windowed,
        CASE WHEN c.windowed THEN gazette_search_rank(c.vector, q_exact) ELSE 0 END AS rank,
        CASE WHEN needs_check OR c.windowed THEN c.vector @@ q_exact ELSE true END AS ok
      FROM (
        -- Rows fetched by id first: OFFSET 0 keeps the planner from turning the phrase
        -- test into a scan of every candidate in the index, unpacking all their vectors.
        SELECT u.id, u.n, (NOT by_date AND u.n <= rank_window) AS windowed,
          CASE WHEN kind = 'public' THEN s."publicVector" ELSE s."adminVector" END AS vector
        FROM unnest(coalesce(cand_ids, '{}')) WITH ORDINALITY AS u(id, n)
        JOIN "ArticleSearch" s ON s."articleId" = u.id
        OFFSET 0
      ) AS c
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
