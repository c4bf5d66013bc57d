import "server-only";
import { publicArticleWhere } from "@/lib/articles/public-rule";
import { db, Prisma } from "@/lib/db/client";
import { fill } from "@/lib/i18n/fill";
import { mediaStorage } from "@/lib/media/storage";
import { matchPublicRoute } from "@/lib/site/routes";
import { articleFix, type Finding } from "./finding";
import { destinationOf, extractReferences, isCheckedPath } from "./links";
import { healthText as H } from "./text";

/**
 * The live articles as the public sees them (their live revisions): every /articles/,
 * /columns/ and /media/ address in the body resolved against the database and the media
 * store, attachments and covers too; pictures without alt text; and the external links,
 * collected for the optional check (external.ts).
 */
export interface ArticleRef {
  id: number;
  title: string;
}

export interface ContentScan {
  findings: Finding[];
  /** Each external address with the articles that link to it. */
  externalLinks: Map<string, ArticleRef[]>;
}

const BATCH = 200;
/**
 * References are resolved whenever this many are waiting, not once at the end: a site of
 * a million articles holds millions of them, and all at once they would not fit in memory.
 */
const RESOLVE_EVERY = 5000;

type Pending =
  | { kind: "article"; id: number; url: string; in: ArticleRef }
  | { kind: "column"; slug: string; url: string; in: ArticleRef }
  | { kind: "bad-address"; url: string; in: ArticleRef }
  | { kind: "media-key"; key: string; url: string; image: boolean; in: ArticleRef }
  | { kind: "media-id"; mediaId: number; name: string; cover: boolean; in: ArticleRef };

interface LiveRevision {
  bodyHtml: string;
  attachments: unknown;
  coverId: number | null;
  coverAlt: string;
  title: string;
}

/** What one live revision points at, to be resolved in bulk; alt text is checked here. */
function collect(article: ArticleRef, revision: LiveRevision, siteOrigin: string, pending: Pending[], scan: ContentScan) {
  let missingAlt = 0;
  for (const ref of extractReferences(revision.bodyHtml)) {
    if (ref.kind === "image" && !ref.rendition && !ref.alt) missingAlt++;
    const destination = destinationOf(ref.url, siteOrigin);
    if (destination.type === "external") {
      // Pictures from other sites are shown by the reader's browser: a link check covers them too.
      const list = scan.externalLinks.get(destination.url) ?? [];
      if (!list.some((a) => a.id === article.id)) list.push(article);
      scan.externalLinks.set(destination.url, list);
      continue;
    }
    if (destination.type !== "internal" || !isCheckedPath(destination.path)) continue;
    const { path } = destination;
    if (path.startsWith("/media/")) {
      pending.push({ kind: "media-key", key: path.slice("/media/".length), url: ref.url, image: ref.kind === "image", in: article });
      continue;
    }
    const match = matchPublicRoute(path);
    const name = match?.route.name;
    if (name === "article" || name === "articleDownload") pending.push({ kind: "article", id: Number(match!.params[0]), url: ref.url, in: article });
    else if (name === "column" || name === "columnPage" || name === "columnFeed") pending.push({ kind: "column", slug: match!.params[0], url: ref.url, in: article });
    else pending.push({ kind: "bad-address", url: ref.url, in: article });
  }
  if (missingAlt > 0) scan.findings.push({ check: "image-alt", severity: "warning", message: fill(H.message.imageAlt, { title: article.title, count: missingAlt }), ...articleFix(article.id) });
  if (revision.coverId !== null) {
    pending.push({ kind: "media-id", mediaId: revision.coverId, name: "", cover: true, in: article });
    if (!revision.coverAlt.trim()) scan.findings.push({ check: "image-alt", severity: "warning", message: fill(H.message.coverAlt, { title: article.title }), ...articleFix(article.id) });
  }
  const attachments = Array.isArray(revision.attachments) ? (revision.attachments as { mediaId?: unknown; name?: unknown }[]) : [];
  for (const a of attachments) {
    if (typeof a.mediaId === "number") pending.push({ kind: "media-id", mediaId: a.mediaId, name: String(a.name ?? ""), cover: false, in: article });
  }
}

/** Keys that name a stored file: an original or a rendition of a media row. */
async function knownMediaKeys(keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db().$queryRaw<{ key: string }[]>(Prisma.sql`
    SELECT k.key FROM unnest(${keys}::text[]) AS k(key)
    WHERE EXISTS (SELECT 1 FROM "Media" m WHERE m."storageKey" = k.key OR m.variants @> jsonb_build_array(jsonb_build_object('key', k.key)))`);
  return new Set(rows.map((r) => r.key));
}

/** Does the media store hold the file? Asked once per key. */
function fileChecker() {
  const seen = new Map<string, Promise<boolean>>();
  return (key: string) => {
    let found = seen.get(key);
    if (!found) {
      found = mediaStorage()
        .get(key)
        .then((bytes) => bytes !== null)
        .catch(() => false);
      seen.set(key, found);
    }
    return found;
  };
}

async function resolve(pending: Pending[], now: Date, findings: Finding[], hasFile: (key: string) => Promise<boolean>) {
  const articleIds = [...new Set(pending.flatMap((p) => (p.kind === "article" ? [p.id] : [])))];
  const publicIds = new Set<number>();
  for (let i = 0; i < articleIds.length; i += 1000) {
    const rows = await db().article.findMany({ where: { id: { in: articleIds.slice(i, i + 1000) }, ...publicArticleWhere(now) }, select: { id: true } });
    for (const r of rows) publicIds.add(r.id);
  }
  const slugs = new Set((await db().column.findMany({ select: { slug: true } })).map((c) => c.slug));
  const keys = [...new Set(pending.flatMap((p) => (p.kind === "media-key" ? [p.key] : [])))];
  const known = await knownMediaKeys(keys);
  const mediaIds = [...new Set(pending.flatMap((p) => (p.kind === "media-id" ? [p.mediaId] : [])))];
  const media = new Map((await db().media.findMany({ where: { id: { in: mediaIds } }, select: { id: true, storageKey: true } })).map((m) => [m.id, m.storageKey]));

  for (const p of pending) {
    const { title, id } = p.in;
    let message: string | null = null;
    let check: Finding["check"] = "broken-link";
    switch (p.kind) {
      case "article":
        if (!publicIds.has(p.id)) message = fill(H.message.brokenArticle, { title, url: p.url });
        break;
      case "column":
        if (!slugs.has(p.slug)) message = fill(H.message.brokenColumn, { title, url: p.url });
        break;
      case "bad-address":
        message = fill(H.message.brokenAddress, { title, url: p.url });
        break;
      case "media-key":
        check = "missing-media";
        if (!known.has(p.key) || !(await hasFile(p.key))) message = fill(p.image ? H.message.missingImage : H.message.missingLink, { title, url: p.url });
        break;
      case "media-id": {
        check = "missing-media";
        const key = media.get(p.mediaId);
        if (!key || !(await hasFile(key))) message = fill(p.cover ? H.message.missingCover : H.message.missingAttachment, { title, name: p.name });
        break;
      }
    }
    if (message) findings.push({ check, severity: "error", message, ...articleFix(id) });
  }
}

export async function scanLiveContent(now: Date, siteOrigin: string, options: { resolveEvery?: number } = {}): Promise<ContentScan> {
  const resolveEvery = options.resolveEvery ?? RESOLVE_EVERY;
  const scan: ContentScan = { findings: [], externalLinks: new Map() };
  const pending: Pending[] = [];
  const hasFile = fileChecker();
  let after = 0;
  for (;;) {
    const batch = await db().article.findMany({
      where: { ...publicArticleWhere(now), id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, liveRevision: { select: { title: true, bodyHtml: true, attachments: true, coverId: true, coverAlt: true } } },
    });
    for (const row of batch) {
      if (row.liveRevision) collect({ id: row.id, title: row.liveRevision.title }, row.liveRevision, siteOrigin, pending, scan);
      if (pending.length >= resolveEvery) await resolve(pending.splice(0), now, scan.findings, hasFile);
    }
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1].id;
  }
  await resolve(pending, now, scan.findings, hasFile);
  return scan;
}
