import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 when the database answers, 503 otherwise. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", db: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "error", db: "unreachable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
