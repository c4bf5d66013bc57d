import { Prisma } from "@/lib/db/client";
import { publicRuleSqlParts } from "./public-rule-text";

export { publicArticleText } from "./public-rule-text";

/**
 * The one rule for what the public may see: an article is public when it is live
 * (published, not withdrawn), due (publishedAt <= now) and has a live revision. Every
 * public query starts from it. The working copy's status does not matter: an edit under
 * review keeps the last approved version public.
 *
 * Three forms, written here only (public-rule.test.ts checks on PostgreSQL that they agree):
 *   publicArticleWhere(now)           a Prisma `where`;
 *   publicArticleSql(now, alias)      a Prisma.sql fragment on the "Article" row `alias`;
 *   publicArticleText(param, alias)   the same SQL as plain text for node-postgres, `param`
 *                                     the placeholder of now (public-rule-text.ts, which
 *                                     the app server's view counter reads without Prisma).
 *
 * The tables that keep a copy of public articles' data apply the rule in two halves: the
 * triggers that fill them keep rows only for articles that are live with a live revision
 * ("PublicTitleTag", "PublicMediaKey", the public side of "ArticleSearch"; see
 * prisma/migrations), and their readers check their copy of publishedAt against now
 * (lib/articles/public-lists.ts listRelated, lib/media/access.ts, gazette_search_page()).
 */
export function publicArticleWhere(now: Date = new Date()): Prisma.ArticleWhereInput {
  return { live: true, publishedAt: { lte: now }, liveRevisionId: { not: null } };
}

/** The same rule in SQL, for the statements Prisma cannot express; `alias` names the "Article" row. */
export function publicArticleSql(now: Date = new Date(), alias = "a"): Prisma.Sql {
  return Prisma.sql(publicRuleSqlParts(alias), now.toISOString());
}
