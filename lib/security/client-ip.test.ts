import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIpOf, parseTrustedProxies, resolveClientIp } from "./client-ip";

const LOOPBACK = parseTrustedProxies("127.0.0.1/8,::1");

describe("parseTrustedProxies (TRUSTED_PROXIES)", () => {
  it("reads addresses and CIDR ranges, IPv4 and IPv6, with spaces", () => {
    const trusted = parseTrustedProxies(" 10.0.0.0/8 , 192.0.2.7, 2001:db8::/32 ,::1");
    for (const ip of ["10.1.2.3", "192.0.2.7", "2001:db8::5", "::1", "::ffff:10.9.9.9"]) expect(trusted.has(ip), ip).toBe(true);
    for (const ip of ["11.0.0.1", "192.0.2.8", "2001:db9::1", "127.0.0.1", "", "nonsense"]) expect(trusted.has(ip), ip).toBe(false);
  });

  it("trusts nobody when empty", () => {
    expect(parseTrustedProxies("").has("127.0.0.1")).toBe(false);
  });

  it.each([["10.0.0.0/33"], ["example.org"], ["10.0.0.1/x"], ["::1/129"], ["10.0.0/8"], ["0.0.0.0/0junk"]])("refuses %j with a message naming it", (entry) => {
    expect(() => parseTrustedProxies(`127.0.0.1,${entry}`)).toThrow(new RegExp(`TRUSTED_PROXIES.*${entry.replace(/[./]/g, "\\$&")}`));
  });
});

describe("resolveClientIp: the socket address, or X-Forwarded-For walked from the right past trusted proxies", () => {
  const cases: [string, string | undefined, string | undefined, string][] = [
    // A client reaching the app port directly: whatever it writes is ignored.
    ["direct client forging the header", "203.0.113.9", "1.2.3.4", "203.0.113.9"],
    ["direct client, no header", "203.0.113.9", undefined, "203.0.113.9"],
    ["direct client, IPv4-mapped socket address", "::ffff:203.0.113.9", "1.2.3.4", "203.0.113.9"],
    // Behind the local nginx: the last hop is what nginx saw.
    ["behind a trusted proxy", "127.0.0.1", "198.51.100.4", "198.51.100.4"],
    ["behind a trusted proxy, client prepends a claim", "127.0.0.1", "1.2.3.4, 198.51.100.4", "198.51.100.4"],
    ["two trusted hops", "::1", "198.51.100.4, 127.0.0.2", "198.51.100.4"],
    ["trusted proxy, mapped socket address", "::ffff:127.0.0.1", "198.51.100.4", "198.51.100.4"],
    ["hop with a port", "127.0.0.1", "198.51.100.4:51234", "198.51.100.4"],
    ["bracketed IPv6 hop with a port", "127.0.0.1", "[2001:db8::7]:443", "2001:db8::7"],
    ["IPv6 hop", "127.0.0.1", "2001:db8::7", "2001:db8::7"],
    // Only trusted hops: the leftmost one is as far as we can see.
    ["every hop trusted", "127.0.0.1", "127.0.0.5", "127.0.0.5"],
    // Garbage where an address should be: stop at the last address we know.
    ["garbage hop", "127.0.0.1", "<script>", "127.0.0.1"],
    ["garbage behind a real hop", "127.0.0.1", "unknown, 198.51.100.4", "198.51.100.4"],
    ["trusted proxy without the header", "127.0.0.1", undefined, "127.0.0.1"],
    ["empty header", "127.0.0.1", " , ", "127.0.0.1"],
    ["no socket address", undefined, "198.51.100.4", ""],
  ];
  it.each(cases)("%s", (_name, peer, forwardedFor, expected) => {
    expect(resolveClientIp(peer, forwardedFor, LOOPBACK)).toBe(expected);
  });

  it("trusts more than loopback only when told", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    expect(resolveClientIp("10.0.0.2", "198.51.100.4", trusted)).toBe("198.51.100.4");
    expect(resolveClientIp("127.0.0.1", "198.51.100.4", trusted)).toBe("127.0.0.1");
  });
});

describe("clientIpOf", () => {
  it("reads only the header the app server sets, never X-Forwarded-For or X-Real-IP", () => {
    expect(clientIpOf((name) => ({ [CLIENT_IP_HEADER]: "198.51.100.4", "x-forwarded-for": "1.2.3.4" })[name] ?? null)).toBe("198.51.100.4");
    expect(clientIpOf((name) => ({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "1.2.3.4" })[name] ?? null)).toBe("");
  });
});
