import { buildFeed } from "@/lib/export/feeds";
import { RSS_HEADERS } from "@/lib/export/rss";

// Cached; refreshed on demand when an article is published, edited or withdrawn (lib/articles/paths.ts).
export const revalidate = 300;

/** RSS 2.0 feed of the whole site. */
export async function GET() {
  return new Response(await buildFeed(null), { headers: RSS_HEADERS });
}
