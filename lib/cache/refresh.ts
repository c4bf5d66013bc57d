import { TAGS } from "./tags";
import type { Change } from "./page-cache";

/**
 * The one way to refresh public pages after a change. Domains say *what* changed —
 * addresses, route patterns and cache tags (lib/articles/paths.ts and friends) — and
 * this tells everyone who keeps a copy:
 *  1. the static snapshot ($DATA_DIR/static): the named pages go into its queue, in the
 *     database (lib/static/queue.ts), so that the work survives a crash;
 *  2. every instance, this one included, through PostgreSQL NOTIFY (lib/cache/bus.ts):
 *     each drops the pages and reads that carry a named tag from its page cache
 *     (lib/cache/page-cache.ts) and writes queued snapshot pages at once;
 *  3. then, in the background, the pages behind route patterns and tags (every later
 *     listing page, the column's other articles…) join the snapshot's queue, which the
 *     scheduler's heartbeat drains a few seconds at a time.
 * Awaited by the action that made the change, so that its own next request, on any
 * instance, sees the change. A failure is logged, never thrown: the change is made.
 */
export async function refreshPaths(paths: Iterable<string>, tags: Iterable<string> = []): Promise<void> {
  const change: Change = { paths: [...new Set(paths)], tags: [...new Set(tags)] };
  const [{ announce }, { enqueueStaticPages, pagesBehind }] = await Promise.all([import("./bus"), import("@/lib/static/queue")]);
  try {
    await enqueueStaticPages(change.paths.filter((p) => !p.includes("|")));
    await announce(change, EVERYTHING);
  } catch (error) {
    console.warn("[cache] could not announce a change:", (error as Error).message);
    return;
  }
  pagesBehind([...change.paths], [...change.tags])
    .then(enqueueStaticPages)
    .catch((error) => console.warn("[static] pages behind a change not queued:", (error as Error).message));
}

/** Every public page, as a change: the named ones are written at once, the rest in the background. */
export const EVERYTHING: Change = {
  paths: ["/|layout", "/", "/sitemap", "/sitemap.xml", "/feed.xml"],
  tags: [TAGS.columns, TAGS.settings, TAGS.articles],
};

/** Everything public: after a settings or column change every page shows it. */
export function refreshEverything(): Promise<void> {
  return refreshPaths(EVERYTHING.paths, EVERYTHING.tags);
}
