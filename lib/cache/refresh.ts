import { revalidatePath, revalidateTag } from "next/cache";
import { after } from "next/server";
import { invalidatePageCache } from "@/lib/server/page-cache";

/**
 * The one way to refresh public pages after a change. Domains say *what* changed
 * (lib/articles/paths.ts and friends); this decides *how*:
 *  1. this instance's Next.js page cache, now, and the copies its app server keeps in
 *     memory (lib/server/page-cache.ts) — now and again once Next.js has applied the
 *     revalidations (after the response), so no copy of an old page taken in between stays;
 *  2. the other instances' caches, through LISTEN/NOTIFY (lib/cache/bus.ts);
 *  3. the static snapshot under $DATA_DIR/static (lib/static/snapshot.ts): the named
 *     pages rewritten after the response is sent, the pages behind route patterns
 *     (every page, later listing pages) queued for the background (lib/static/queue.ts).
 * Steps 2 and 3 are done once, by the instance where the change happened.
 */
export function refreshPaths(paths: Iterable<string>, tags: Iterable<string> = [], options: { origin?: boolean } = {}): void {
  const pathList = [...new Set(paths)];
  const tagList = [...new Set(tags)];
  for (const path of pathList) {
    // "/columns/[slug]/page/[page]|page" refreshes every page of a route; "/|layout" everything under a layout.
    const [route, type] = path.split("|") as [string, "page" | "layout" | undefined];
    safely(() => (type ? revalidatePath(route, type) : revalidatePath(route)));
  }
  for (const tag of tagList) safely(() => revalidateTag(tag, { expire: 0 }));
  invalidatePageCache();
  safely(() => after(invalidatePageCache));
  if (options.origin === false) return;
  safely(() =>
    after(async () => {
      const [{ announce }, { snapshotPaths }, { enqueueStaticPages, pagesBehind }] = await Promise.all([
        import("./bus"),
        import("@/lib/static/snapshot"),
        import("@/lib/static/queue"),
      ]);
      await Promise.allSettled([
        announce(pathList, tagList),
        snapshotPaths(pathList.filter((p) => !p.includes("|"))),
        pagesBehind(pathList, tagList).then(enqueueStaticPages),
      ]).then((results) => {
        for (const r of results) if (r.status === "rejected") console.warn("[cache] after-refresh step failed:", r.reason);
      });
    }),
  );
}

/** Every public page, as paths and tags for refreshPaths. */
export const EVERYTHING = {
  paths: ["/|layout", "/", "/sitemap", "/sitemap.xml", "/feed.xml"],
  tags: ["columns", "settings", "articles"],
};

/** Everything public: after a settings or column change every page shows it. */
export function refreshEverything(): void {
  refreshPaths(EVERYTHING.paths, EVERYTHING.tags);
}

function safely(fn: () => void) {
  try {
    fn();
  } catch (error) {
    // Outside a request (CLI, tests) there is no page cache to refresh.
    if (process.env.NODE_ENV !== "test") console.warn("[cache] refresh skipped:", (error as Error).message);
  }
}
