/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry.
 * nginx's `$proxy_add_x_forwarded_for` appends the real peer, and Next.js fills the
 * header with the socket address when no proxy set it; entries further left are what
 * the client claimed and cannot be trusted (SECURITY.md: deploy behind a reverse proxy).
 */
export function clientIpFrom(forwardedFor: string | null | undefined, realIp?: string | null): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = hops[hops.length - 1] || (realIp ?? "").trim();
  return ip.replace(/^::ffff:/, "").slice(0, 64);
}
