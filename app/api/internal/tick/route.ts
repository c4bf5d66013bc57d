import { isInternalRequest } from "@/lib/internal/token";
import { drainStaticQueue } from "@/lib/static/queue";
import { SCHEDULER_INTERVAL_MS } from "@/lib/workflow/heartbeat";
import { publishDue } from "@/lib/workflow/scheduler";

export const dynamic = "force-dynamic";

/**
 * The scheduler's heartbeat (instrumentation.ts calls it every few seconds): publishes
 * what is due, then spends a few seconds on the static snapshot's queue (at most 40% of
 * the interval, two pages at a time, so readers keep most of the server).
 */
export async function POST(request: Request) {
  if (!isInternalRequest(request)) return new Response("Forbidden", { status: 403 });
  const published = await publishDue(new Date());
  const staticPages = await drainStaticQueue({ budgetMs: 0.4 * SCHEDULER_INTERVAL_MS });
  return Response.json({ published, staticPages });
}
