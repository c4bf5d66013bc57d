import { unstable_cache } from "next/cache";

/**
 * A read that every public page repeats (site settings, the column tree), kept in
 * Next.js's data cache across requests until one of `tags` is refreshed — on every
 * instance, through refreshPaths' LISTEN/NOTIFY — or `revalidate` seconds pass (a
 * safety net for changes made outside the app: a restore, a seed). Outside a Next.js
 * server (tests, scripts) there is no data cache: the read runs every time.
 * The result must survive JSON (no Dates).
 */
export function sharedRead<T>(read: () => Promise<T>, key: string, tags: string[], revalidate = 300): () => Promise<T> {
  if (!process.env.NEXT_RUNTIME) return read;
  return unstable_cache(read, [key], { tags, revalidate });
}

/**
 * Tags the page being rendered, so that refreshing one of `tags` expires it. Next.js 16
 * has no cacheTag() outside Cache Components, but a data-cache read records its tags on
 * the page that makes it; this read is an empty one, shared by every page with the
 * same tags.
 */
export async function tagPage(tags: string[]): Promise<void> {
  if (!process.env.NEXT_RUNTIME) return;
  await unstable_cache(async () => true, ["page-tags", ...tags], { tags })();
}
