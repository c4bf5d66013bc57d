import type { PageCache } from "@/lib/cache/page-cache";
import { TAGS } from "@/lib/cache/tags";
import { oldPathKey } from "@/lib/import/site/old-path";
import { articlePath, loadRedirectMap } from "./queries";

/**
 * Where an address that is no public route goes, if an imported page lived there: its
 * article's path, or null (then the 404 page). The whole table is one read kept in the
 * page cache under the `redirects` tag — an import drops it on every instance, like any
 * change — so a 404 costs a map look-up, not a query. A site of 100,000 old pages keeps
 * about 15 MB here.
 */
export async function redirectTarget(pathname: string, cache: PageCache | null): Promise<string | null> {
  const key = oldPathKey(pathname);
  if (!key) return null;
  const map = await (cache ? cache.remember("redirects", [TAGS.redirects], loadRedirectMap) : loadRedirectMap());
  const articleId = map.get(key);
  return articleId ? articlePath(articleId) : null;
}
