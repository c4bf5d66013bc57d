import { revalidatePath, revalidateTag } from "next/cache";

/**
 * The one way to refresh cached public pages after a change. Domains say *what*
 * changed (lib/articles/paths.ts and friends); this decides *how*: Next's page cache
 * on this instance now — and, as more instances and static snapshots are added,
 * those too, from here.
 */
export function refreshPaths(paths: Iterable<string>, tags: Iterable<string> = []): void {
  for (const path of new Set(paths)) safely(() => revalidatePath(path));
  for (const tag of new Set(tags)) safely(() => revalidateTag(tag, { expire: 0 }));
}

function safely(fn: () => void) {
  try {
    fn();
  } catch (error) {
    // Outside a request (CLI, tests) there is no page cache to refresh.
    if (process.env.NODE_ENV !== "test") console.warn("[cache] refresh skipped:", (error as Error).message);
  }
}
