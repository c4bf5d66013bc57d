/**
 * The public-article rule in SQL, as plain text: the definition lib/articles/public-rule.ts
 * builds its Prisma.sql form from, and the form plain node-postgres statements use.
 *
 * Its own module, with no imports, because lib/views/record.ts reads it: the app server
 * bundles that module (scripts/lib/server-bundle.ts) and must not load the Prisma client
 * (scripts/lib/server-bundle.test.ts checks it does not). Everything else imports the
 * rule from public-rule.ts.
 */

const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The rule's SQL on an "Article" row, split around its one value (now, a UTC timestamp
 * without zone, as Prisma stores DateTime): `before + now + after`. `alias` is the
 * row's table alias, or null for the bare columns of a statement on "Article" alone.
 */
export function publicRuleSqlParts(alias: string | null): readonly [before: string, after: string] {
  if (alias !== null && !ALIAS.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  const c = alias === null ? "" : `${alias}.`;
  return [`${c}live AND ${c}"publishedAt" <= `, `::timestamp AND ${c}"liveRevisionId" IS NOT NULL`];
}

/**
 * The rule as text, for a plain node-postgres statement: `now` is the placeholder of the
 * current time as a UTC ISO string (e.g. "$1"), bound by the caller.
 */
export function publicArticleText(now: string, alias: string | null = null): string {
  const [before, after] = publicRuleSqlParts(alias);
  return `${before}${now}${after}`;
}
