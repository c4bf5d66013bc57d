import net from "node:net";
import { allowEntryError, splitAllowList } from "./allow-list-syntax";

export { allowEntryError, splitAllowList } from "./allow-list-syntax";

/**
 * Which network addresses a server-side fetch may connect to (SSRF protection). Pure:
 * the fetcher (safe-fetch.ts) resolves a host name, asks here about every address the
 * resolver returned, and connects only to an address that passed.
 *
 * Node's own net.BlockList does the range arithmetic, for IPv4 and IPv6 alike, and
 * checks IPv4-mapped IPv6 addresses (::ffff:127.0.0.1, ::ffff:7f00:1) against the IPv4
 * ranges — no library needed.
 */
export type AddressClass =
  | "this-network"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "metadata"
  | "ietf"
  | "benchmark"
  | "multicast"
  | "reserved"
  | "unspecified"
  | "ipv4-compatible"
  | "nat64"
  | "unique-local";

interface Range {
  cidr: string;
  class: AddressClass;
  /** Never reachable, even for a host on the allow-list: cloud metadata, and addresses that are no host at all. */
  never?: true;
}

/** The one list of forbidden ranges; the first that matches names the class (metadata before link-local). */
export const FORBIDDEN_RANGES: readonly Range[] = [
  // Cloud metadata services hand out credentials: never, whatever the allow-list says.
  { cidr: "169.254.169.254/32", class: "metadata", never: true }, // AWS, GCP, Azure, OpenStack, Tencent Cloud's v2
  { cidr: "100.100.100.200/32", class: "metadata", never: true }, // Alibaba Cloud
  { cidr: "fd00:ec2::254/128", class: "metadata", never: true }, // AWS over IPv6
  { cidr: "0.0.0.0/8", class: "this-network", never: true }, // 0.0.0.0 reaches this machine on Linux
  { cidr: "224.0.0.0/4", class: "multicast", never: true },
  { cidr: "240.0.0.0/4", class: "reserved", never: true }, // includes 255.255.255.255
  { cidr: "::/128", class: "unspecified", never: true },
  { cidr: "ff00::/8", class: "multicast", never: true },
  { cidr: "127.0.0.0/8", class: "loopback" },
  { cidr: "::1/128", class: "loopback" },
  { cidr: "10.0.0.0/8", class: "private" },
  { cidr: "172.16.0.0/12", class: "private" },
  { cidr: "192.168.0.0/16", class: "private" },
  { cidr: "100.64.0.0/10", class: "shared" }, // carrier-grade NAT
  { cidr: "169.254.0.0/16", class: "link-local" },
  { cidr: "fe80::/10", class: "link-local" },
  { cidr: "192.0.0.0/24", class: "ietf" },
  { cidr: "198.18.0.0/15", class: "benchmark" },
  { cidr: "fc00::/7", class: "unique-local" },
  { cidr: "::/96", class: "ipv4-compatible" }, // ::127.0.0.1, deprecated but still parsed
  { cidr: "64:ff9b::/96", class: "nat64" }, // a NAT64 gateway would reach the embedded IPv4 address
  { cidr: "64:ff9b:1::/48", class: "nat64" },
];

const lists = FORBIDDEN_RANGES.map((range) => {
  const [address, prefix] = range.cidr.split("/");
  const list = new net.BlockList();
  const family = net.isIPv6(address) ? "ipv6" : "ipv4";
  list.addSubnet(address, Number(prefix), family);
  return { range, list, family };
});

/** An address without brackets or zone, IPv6 in its canonical form, IPv4-mapped IPv6 as plain IPv4. */
export function canonicalAddress(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  if (net.isIPv4(bare)) return bare;
  if (!net.isIPv6(bare) || bare.includes("%")) return null;
  // The URL parser writes IPv6 canonically (lower case, zeros compressed, ::ffff:a.b.c.d as ::ffff:xxxx:xxxx).
  const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const hi = parseInt(mapped[1], 16);
  const lo = parseInt(mapped[2], 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

/** The forbidden range an address falls in, or null for a public address. */
export function forbiddenRange(address: string): Range | null {
  const ip = canonicalAddress(address);
  // Not an address we can reason about (an IPv6 zone id: link-local by definition).
  if (!ip) return { cidr: address, class: "link-local" };
  const family = net.isIPv6(ip) ? "ipv6" : "ipv4";
  return lists.find((l) => l.list.check(ip, family))?.range ?? null;
}

/**
 * Hosts (exact names) and addresses (IP or CIDR) an administrator allows to be private:
 * an intranet image server. Parsed from the site setting, one entry a line (or comma).
 */
export interface AllowList {
  hosts: ReadonlySet<string>;
  addresses: net.BlockList;
  entries: readonly string[];
}

export function parseAllowList(input: string | readonly string[]): AllowList {
  const entries = typeof input === "string" ? splitAllowList(input) : input.map((s) => s.trim().toLowerCase()).filter(Boolean);
  const hosts = new Set<string>();
  const addresses = new net.BlockList();
  for (const entry of entries) {
    if (allowEntryError(entry)) continue;
    const [raw, prefix] = entry.split("/");
    const address = canonicalAddress(raw);
    if (!address) hosts.add(raw);
    else {
      const family = net.isIPv6(address) ? "ipv6" : "ipv4";
      addresses.addSubnet(address, prefix === undefined ? (family === "ipv6" ? 128 : 32) : Number(prefix), family);
    }
  }
  return { hosts, addresses, entries };
}

export const EMPTY_ALLOW_LIST: AllowList = parseAllowList("");

export type AddressVerdict = { ok: true; address: string } | { ok: false; class: AddressClass };

/**
 * May the fetcher connect to `address`, which `hostname` (as the URL names it) resolved to?
 * A public address: yes. A private one: only if the host or the address is on the allow-list,
 * and never a metadata service or a non-host address.
 */
export function checkAddress(address: string, hostname: string, allow: AllowList = EMPTY_ALLOW_LIST): AddressVerdict {
  const ip = canonicalAddress(address);
  const range = forbiddenRange(address);
  if (!ip || !range) return ip ? { ok: true, address: ip } : { ok: false, class: "link-local" };
  if (range.never) return { ok: false, class: range.class };
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase().replace(/\.$/, "");
  const family = net.isIPv6(ip) ? "ipv6" : "ipv4";
  if (allow.hosts.has(host) || allow.addresses.check(ip, family)) return { ok: true, address: ip };
  return { ok: false, class: range.class };
}
