-- The editors' search finds the start of a Latin word or number: "mxckl5a" finds
-- "mxckl5a9" (an editor remembers part of a code, a file name or a document number).
-- The public search keeps whole words. gazette_search_query gets a third argument,
-- word_prefix: ASCII words become prefix lexemes ('mxckl5a':*), which the GIN index
-- answers as well. The two-argument form stays, as whole words, for other callers.

CREATE FUNCTION "gazette_search_query"(input text, exact boolean, word_prefix boolean) RETURNS tsquery
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
        items := items || gazette_search_lexeme(lexeme, word_prefix AND lexeme ~ '^[ -~]+$');   -- ASCII word (its start, when word_prefix) or bigram
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

CREATE OR REPLACE FUNCTION "gazette_search_query"(input text, exact boolean) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT gazette_search_query(input, exact, false)
$fn$;

-- As in *_search_narrow_rows, except that the admin index's query takes word prefixes.
CREATE OR REPLACE FUNCTION "gazette_search_page"(kind text, input text, by_date boolean, column_ids int[], statuses text[],
  since timestamp, until timestamp, now_ timestamp, page_offset int, page_limit int, depth int, rank_window int, cap int,
  OUT ids int[], OUT total int, OUT exact boolean, OUT capped boolean, OUT searchable boolean)
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  q_exact tsquery := gazette_search_query(input, true, kind = 'admin');
  q_presence tsquery := gazette_search_query(input, false, kind = 'admin');
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
