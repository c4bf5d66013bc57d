import net from "node:net";

/**
 * The client's address, for the per-address login limit and the audit log.
 *
 * X-Forwarded-For is only as good as whoever wrote it: any client that reaches the app
 * port can send one. So the app server (scripts/server.ts) decides once per request,
 * from the socket it accepted: a peer that is not a configured proxy (TRUSTED_PROXIES,
 * loopback by default) is the client, whatever headers it sent; behind trusted proxies,
 * X-Forwarded-For is read from the right, past every trusted hop, and the first address
 * that is not a trusted proxy is the client. The result goes to the app in one internal
 * header, which the app server first removes from what the client sent — so nothing
 * the client writes is taken for its address.
 */
export const CLIENT_IP_HEADER = "x-gazette-client-ip";

export interface TrustedProxies {
  has(ip: string): boolean;
}

/** "127.0.0.1", "::ffff:127.0.0.1", "[2001:db8::1]:443", "198.51.100.4:5123" → the bare address, or "" if it is none. */
export function normalizeIp(value: string | null | undefined): string {
  let ip = (value ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(ip)) ip = ip.slice(7);
  return net.isIP(ip) ? ip.toLowerCase() : "";
}

/**
 * TRUSTED_PROXIES: comma-separated addresses and CIDR ranges, IPv4 or IPv6. Empty
 * trusts nobody. An entry that is neither throws, naming it (Gazette refuses to start).
 */
export function parseTrustedProxies(text: string): TrustedProxies {
  const list = new net.BlockList();
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry);
    const ip = match ? match[1] : "";
    const family = net.isIP(ip);
    const prefix = match?.[2] === undefined ? null : Number(match[2]);
    if (!family || (prefix !== null && prefix > (family === 4 ? 32 : 128))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 127.0.0.1/8, 10.0.0.5, ::1).`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === null) list.addAddress(ip, type);
    else list.addSubnet(ip, prefix, type);
  }
  return {
    has(value) {
      const ip = normalizeIp(value);
      return !!ip && list.check(ip, net.isIP(ip) === 4 ? "ipv4" : "ipv6");
    },
  };
}

/** The client's address from the socket's peer and the X-Forwarded-For it sent (see above); "" without a peer. */
export function resolveClientIp(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  let client = normalizeIp(peer);
  if (!client || !trusted.has(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!hops[i].trim()) continue;
    const hop = normalizeIp(hops[i]);
    // Not an address: a trusted proxy would not write that, so it came from further left. Stop at what we know.
    if (!hop) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}

/** In the app: the address the app server put in the request ("" outside one, e.g. in tests or scripts). */
export function clientIpOf(header: (name: string) => string | null | undefined): string {
  return normalizeIp(header(CLIENT_IP_HEADER));
}
