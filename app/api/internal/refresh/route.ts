import { z } from "zod";
import { refreshPaths } from "@/lib/cache/refresh";
import { isInternalRequest } from "@/lib/internal/token";

export const dynamic = "force-dynamic";

const body = z.object({
  paths: z.array(z.string().startsWith("/").max(500)).max(500),
  tags: z.array(z.string().max(200)).max(100),
});

/** Another instance changed something: refresh the same pages in this instance's cache. */
export async function POST(request: Request) {
  if (!isInternalRequest(request)) return new Response("Forbidden", { status: 403 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "invalid body" }, { status: 400 });
  refreshPaths(parsed.data.paths, parsed.data.tags, { origin: false });
  return Response.json({ ok: true });
}
