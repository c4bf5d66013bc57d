import { z } from "zod";
import { t } from "@/lib/i18n/zh-CN";
import { isBot, isPrefetch } from "./bots";
import { currentViewCount, recordView } from "./record";

/**
 * The view beacon. The article page is served from cache (or as a static file), so the
 * page itself cannot count: its script POSTs here once per real page view and shows
 * the count this returns. Crawlers and prefetches get the count without adding to it.
 * Only POST: a GET would be followed by crawlers and prefetched by browsers.
 *
 * The app server answers it itself (lib/server/view-beacon.ts), in development too: it is
 * the busiest request a site gets.
 */
export const VIEW_BEACON_PATH = "/api/views";
export const BEACON_BODY_LIMIT = 256;

const bodySchema = z.object({ id: z.number().int().positive().max(2_147_483_647) }).strict();

export interface BeaconRequest {
  header(name: string): string | null | undefined;
  /** The body as text; null when a reader stopped past BEACON_BODY_LIMIT (any longer text is refused too). */
  text(): Promise<string | null>;
}

export interface BeaconAnswer {
  status: number;
  body: { count: number; counted: boolean } | { error: string };
}

export async function answerViewBeacon(request: BeaconRequest): Promise<BeaconAnswer> {
  const tooLarge = { status: 413, body: { error: t.site.requestTooLarge } };
  if (Number(request.header("content-length") ?? 0) > BEACON_BODY_LIMIT) return tooLarge;
  // A page on another site must not inflate our counts from its visitors' browsers.
  if (request.header("sec-fetch-site") === "cross-site") return { status: 403, body: { error: t.site.crossSiteRefused } };
  const text = await request.text();
  if (text === null || text.length > BEACON_BODY_LIMIT) return tooLarge;
  let parsed;
  try {
    parsed = bodySchema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return { status: 400, body: { error: t.site.badRequest } };

  const counts = !isBot(request.header("user-agent")) && !isPrefetch(request.header);
  const count = counts ? await recordView(parsed.data.id) : await currentViewCount(parsed.data.id);
  if (count === null) return { status: 404, body: { error: t.site.articleMissing } };
  return { status: 200, body: { count, counted: counts } };
}
