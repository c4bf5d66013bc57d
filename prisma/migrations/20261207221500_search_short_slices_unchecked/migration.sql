-- A search's narrower spans are no longer checked in vain (issue 22). gazette_search_page
-- looks at the newest months first and widens the span when it holds fewer than `depth`
-- candidates; but the candidates of such a span were each checked against their text
-- before the page saw that it would widen, and the checks were thrown away. For the
-- admin list sorted by last change (the best 1,000 matches of 生态, sorted there), the
-- first span's 613 candidates cost 29 ms of its 118 at a million articles. Now a span
-- that will be widened returns its count alone: `enough`, the fewest candidates worth
-- checking (0 for the last span, which is always the answer).

DROP FUNCTION "gazette_search_candidates"(text, tsquery, text[], boolean, boolean, int[], text[], timestamp, timestamp, timestamp, int);

-- As before (migration *_search_text_index), with `enough`: a slice of fewer candidates
-- than that is not checked (ids empty; total is its count).
CREATE FUNCTION "gazette_search_candidates"(kind text, cand tsquery, patterns text[], check_all boolean, by_date boolean,
  column_ids int[], statuses text[], since timestamp, until timestamp, now_ timestamp, fetch_n int, enough int,
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
    EXIT WHEN total < enough;
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


-- As before (migration *_search_spans_by_volume), with the span's `enough`.
CREATE OR REPLACE FUNCTION "gazette_search_page"(kind text, input text, by_date boolean, column_ids int[], statuses text[],
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
  -- Where the newest months end: now, or the end of the date range asked for.
  span_end timestamp := CASE WHEN until < now_ THEN until ELSE now_ END;
  previous_since timestamp;
  -- All time's matches, estimated from the first span: what it found, scaled by how much
  -- of the side's articles it holds. NULL until that span has been searched.
  estimated_all double precision;
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

  -- The newest months first, as many as hold 2,000 articles of this side: a common word
  -- fills them alone, and all time is never counted (the dearest query there is: every
  -- match of every year). Then as many as hold 20,000, then five years. Otherwise, rare
  -- words: when all time holds no more than `depth`, that is the span. (Counted further
  -- when candidates are checked: the share that passes scales it down.) Spans sized by
  -- what the site publishes, not by the calendar, cost the same on a site of ten
  -- articles a month as on one of ten thousand.
  FOR step IN 0..3 LOOP
    -- Counting all time costs what every posting list of the query costs, however few
    -- match in the end (a phrase of common characters: a third of a second at a million
    -- articles). Where the first span already shows there are more than the count could
    -- report, it is not counted.
    IF step > 0 AND all_count IS NULL AND NOT coalesce(estimated_all > count_cap, false) THEN
      all_count := gazette_search_count(kind, q, column_ids, statuses, since, until, now_, count_cap);
    END IF;
    IF all_count <= depth OR step = 3 THEN
      step_since := since;
      step_until := until;
      last := true;
    ELSE
      step_since := CASE step
        WHEN 0 THEN gazette_search_recent_months(kind, span_end, 2000)
        WHEN 1 THEN gazette_search_recent_months(kind, span_end, 20000)
        ELSE date_trunc('year', now_) - interval '4 years' END;
      step_until := CASE WHEN step < 2 THEN span_end ELSE end_of_year END;
      -- A site with fewer articles than the span asks for: all time is the span.
      CONTINUE WHEN step_since IS NULL AND step < 2;
      -- No wider than the step before (a small site): the next step.
      CONTINUE WHEN step_since >= previous_since;
      previous_since := step_since;
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
      FROM gazette_search_candidates(kind, cand, patterns, check_all, by_date, column_ids, statuses, since, until, now_, needed,
                                    CASE WHEN last THEN 0 ELSE depth END) AS c;
    -- Only where it decides something: the next step, or the count of a span that holds
    -- no more than the count reports (two counts of Article's dates, one over a whole
    -- date range: not for the common word a first span answers alone).
    IF step = 0 AND NOT last AND (slice_total < depth OR slice_total <= count_cap) THEN
      estimated_all := slice_total * gazette_search_volume(kind, since, until) / greatest(gazette_search_volume(kind, step_since, span_end), 1);
    END IF;
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
    IF NOT last AND all_count IS NULL AND slice_total <= count_cap AND NOT coalesce(estimated_all > count_cap, false) THEN
      all_count := gazette_search_count(kind, q, column_ids, statuses, since, until, now_, count_cap);
    END IF;
    base := CASE WHEN last THEN slice_total ELSE greatest(slice_total, coalesce(all_count, least(round(estimated_all), 1e9)::int)) END;
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
