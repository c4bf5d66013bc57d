import type { IncomingMessage, ServerResponse } from "node:http";
import { t } from "@/lib/i18n/zh-CN";
import { staticApiHeaders } from "@/lib/security/headers.mjs";
import { BEACON_BODY_LIMIT, VIEW_BEACON_PATH, answerViewBeacon, type BeaconAnswer } from "@/lib/views/beacon";

/**
 * The view beacon, answered by the app server itself rather than by a Next.js route:
 * one view is one small POST, and Next.js's fixed cost per request (routing, the
 * request and response objects) was most of its time. Any other method: 405.
 */
export function isViewBeacon(req: IncomingMessage): boolean {
  return req.url === VIEW_BEACON_PATH;
}

const HEADERS: Record<string, string> = {
  ...Object.fromEntries(staticApiHeaders().map(({ key, value }) => [key, value])),
  "cache-control": "no-store",
  "content-type": "application/json",
};

export async function serveViewBeacon(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "POST") {
    res.writeHead(405, { ...HEADERS, allow: "POST", "content-length": 0 });
    res.end();
    return;
  }
  let answer: BeaconAnswer;
  try {
    answer = await answerViewBeacon({
      header: (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      },
      text: () => readLimited(req, BEACON_BODY_LIMIT),
    });
  } catch (error) {
    console.error("[views] the beacon failed:", (error as Error).message);
    answer = { status: 503, body: { error: t.common.unexpectedError } };
  }
  const json = JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...HEADERS, "content-length": Buffer.byteLength(json) });
  res.end(json);
}

/** The request body as text, or null (and the rest ignored) once it passes `limit` bytes. */
function readLimited(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
