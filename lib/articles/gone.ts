import { listWithdrawnIds } from "./queries";

/**
 * Which article URLs answer 410 Gone. Public pages are cached and Next.js can only
 * answer 404 from a page, so the route guard (proxy.ts) asks this before the cache
 * and rewrites a withdrawn article's URL to its 410 notice.
 *
 * The set of withdrawn ids is small and kept in memory: loaded once, then refreshed in
 * the background at most every few seconds, so the hot path costs one Set lookup and
 * never waits on the database. Until a refresh sees a fresh withdrawal (a few
 * seconds, on another instance) the page itself already answers 404.
 */
const REFRESH_MS = 5_000;

interface State {
  ids: Set<number>;
  loadedAt: number;
  pending: Promise<void> | null;
}

// One per process: proxy.ts and the route handlers are bundled separately.
const globalForGone = globalThis as unknown as { gazetteWithdrawn?: State };
const state: State = (globalForGone.gazetteWithdrawn ??= { ids: new Set(), loadedAt: 0, pending: null });

function refresh(): Promise<void> {
  state.pending ??= listWithdrawnIds()
    .then((ids) => {
      state.ids = new Set(ids);
      state.loadedAt = Date.now();
    })
    .catch((error: unknown) => {
      // Keep the last known set: a database hiccup must not take the site down.
      console.warn("[gone] could not load withdrawn articles:", (error as Error).message);
    })
    .finally(() => {
      state.pending = null;
    });
  return state.pending;
}

export async function isWithdrawnArticle(id: number): Promise<boolean> {
  if (state.loadedAt === 0) await refresh();
  else if (Date.now() - state.loadedAt > REFRESH_MS) void refresh();
  return state.ids.has(id);
}

/** The path of an article page, or null: /articles/<id> with a canonical id. */
export function articleIdFromPath(pathname: string): number | null {
  const match = /^\/articles\/([1-9]\d{0,8})\/?$/.exec(pathname);
  return match ? Number(match[1]) : null;
}

/** Where proxy.ts rewrites a withdrawn article's URL (the 410 notice). */
export function withdrawnNoticePath(id: number): string {
  return `/articles/${id}/withdrawn`;
}

/** For tests: forget the loaded set. */
export function resetWithdrawnCache(): void {
  state.ids = new Set();
  state.loadedAt = 0;
}
