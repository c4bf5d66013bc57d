import { databaseIsUp } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 when the database answers, 503 otherwise. */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  return (await databaseIsUp())
    ? Response.json({ status: "ok", db: "ok" }, { headers })
    : Response.json({ status: "error", db: "unreachable" }, { status: 503, headers });
}
