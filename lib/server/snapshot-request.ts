import type { IncomingMessage } from "node:http";
import { isInternalToken } from "@/lib/internal/token";

/**
 * The static publisher (lib/static/snapshot.ts) asks this instance for each page as it
 * really is: past the page cache and the render gate. Only it may: its request comes
 * from this machine and carries the internal token (derived from NEXTAUTH_SECRET) as
 * the header's value. Loopback alone is not enough — behind a reverse proxy on the same
 * machine every visitor arrives from loopback — and any other client that sends the
 * header is treated as the reader it is.
 */
export const SNAPSHOT_HEADER = "x-gazette-snapshot";

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

export function isSnapshotRequest(req: IncomingMessage): boolean {
  const given = req.headers[SNAPSHOT_HEADER];
  if (typeof given !== "string" || !given) return false;
  return LOOPBACK.test(req.socket?.remoteAddress ?? "") && isInternalToken(given);
}
