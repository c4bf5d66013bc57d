import crypto from "node:crypto";

/**
 * Calls an instance makes to itself (the scheduler's tick, cache refreshes announced
 * by other instances) go through HTTP so that they run inside a request — outside one,
 * Next.js silently drops revalidatePath. They carry this token, derived from the
 * session secret that every instance shares.
 */
export function internalToken(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return crypto.createHmac("sha256", secret).update("gazette-internal-v1").digest("base64url");
}

export function isInternalRequest(request: Request): boolean {
  return isInternalToken(request.headers.get("x-gazette-internal") ?? "");
}

/** Is `given` this deployment's internal token? Compared in constant time. */
export function isInternalToken(given: string): boolean {
  const expected = Buffer.from(internalToken());
  const actual = Buffer.from(given);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** This instance's own base URL, for calls to itself. */
export function selfUrl(path: string): string {
  return `http://127.0.0.1:${process.env.PORT || 3000}${path}`;
}

export async function callSelf(path: string, body: unknown = {}): Promise<Response> {
  return fetch(selfUrl(path), {
    method: "POST",
    headers: { "content-type": "application/json", "x-gazette-internal": internalToken() },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
}
