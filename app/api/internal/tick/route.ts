import { isInternalRequest } from "@/lib/internal/token";
import { publishDue } from "@/lib/workflow/scheduler";

export const dynamic = "force-dynamic";

/** The scheduler's heartbeat (instrumentation.ts calls it every few seconds): publishes what is due. */
export async function POST(request: Request) {
  if (!isInternalRequest(request)) return new Response("Forbidden", { status: 403 });
  const published = await publishDue(new Date());
  return Response.json({ published });
}
