-- Search: a term that begins with a one-character run ("管，严厉打击", "田149") must
-- also match where that character ends a longer run in the text ("监管，严厉打击",
-- "农田149"). The index gives a one-character run two positions ("X X") but the last
-- character of a longer run one, so the distance from the first character to the rest
-- of the term is either the query's own or one less: match both. Only the query
-- function changes; the index stays as it is (no re-indexing).
CREATE OR REPLACE FUNCTION "gazette_search_query"(input text) RETURNS tsquery
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
      phrase := tsquery_phrase(phrase, items[i], at[i] - at[i - 1]);
    END LOOP;
    IF lone_first AND cardinality(items) > 1 THEN
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
