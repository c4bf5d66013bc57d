import type { IncomingMessage } from "node:http";
import { CLIENT_IP_HEADER, resolveClientIp, type TrustedProxies } from "@/lib/security/client-ip";

/**
 * Tells the app who the client is (lib/security/client-ip.ts): the address resolved
 * from the socket, in the one header the app reads. Whatever the client sent under that
 * name is dropped first — also its duplicates, which Node.js would otherwise join.
 * Called by the app server for every request it hands to Next.js.
 */
export function stampClientIp(req: IncomingMessage, trusted: TrustedProxies): void {
  delete req.headers[CLIENT_IP_HEADER];
  const ip = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
}
