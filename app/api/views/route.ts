import { z } from "zod";
import { t } from "@/lib/i18n/zh-CN";
import { isBot, isPrefetch } from "@/lib/views/bots";
import { currentViewCount, recordView } from "@/lib/views/record";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ id: z.number().int().positive().max(2_147_483_647) }).strict();

const noStore = { "cache-control": "no-store" };

/**
 * The view beacon. The article page is served from cache (or as a static file), so the
 * page itself cannot count: its script POSTs here once per real page view and shows
 * the count this returns. Crawlers and prefetches get the count without adding to it.
 * Only POST: a GET would be followed by crawlers and prefetched by browsers.
 */
export async function POST(request: Request) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 256) return Response.json({ error: t.site.requestTooLarge }, { status: 413, headers: noStore });
  // A page on another site must not inflate our counts from its visitors' browsers.
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return Response.json({ error: t.site.crossSiteRefused }, { status: 403, headers: noStore });
  }
  const text = await request.text();
  if (text.length > 256) return Response.json({ error: t.site.requestTooLarge }, { status: 413, headers: noStore });
  let parsed;
  try {
    parsed = bodySchema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return Response.json({ error: t.site.badRequest }, { status: 400, headers: noStore });

  const counts = !isBot(request.headers.get("user-agent")) && !isPrefetch(request.headers);
  const count = counts ? await recordView(parsed.data.id) : await currentViewCount(parsed.data.id);
  if (count === null) return Response.json({ error: t.site.articleMissing }, { status: 404, headers: noStore });
  return Response.json({ count, counted: counts }, { headers: noStore });
}
