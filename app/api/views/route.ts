import { answerViewBeacon } from "@/lib/views/beacon";

export const dynamic = "force-dynamic";

/** The view beacon under `npm run dev`; the production server answers it itself (lib/server/view-beacon.ts). */
export async function POST(request: Request) {
  const answer = await answerViewBeacon({
    header: (name) => request.headers.get(name),
    // answerViewBeacon refuses a body past its limit.
    text: () => request.text(),
  });
  return Response.json(answer.body, { status: answer.status, headers: { "cache-control": "no-store" } });
}
