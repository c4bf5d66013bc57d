import dns from "node:dns/promises";
import { describe, expect, it } from "vitest";
import { allowEntryError, canonicalAddress, checkAddress, FORBIDDEN_RANGES, forbiddenRange, parseAllowList } from "./address-policy";

const ROWS: [string, string][] = [
    ["0.0.0.0", "this-network"],
    ["0.1.2.3", "this-network"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["100.64.0.1", "shared"],
    ["100.127.255.254", "shared"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.0.1", "link-local"],
    ["169.254.169.254", "metadata"],
    ["100.100.100.200", "metadata"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.0.0.8", "ietf"],
    ["192.168.1.10", "private"],
    ["198.18.0.1", "benchmark"],
    ["198.19.255.255", "benchmark"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["fd00:ec2::254", "metadata"],
    ["fe80::1", "link-local"],
    ["febf::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["ff02::1", "multicast"],
    ["::127.0.0.1", "ipv4-compatible"],
    ["64:ff9b::a00:1", "nat64"],
    ["64:ff9b:1::a00:1", "nat64"],
    // IPv4-mapped IPv6, in each spelling, is judged as the IPv4 address it carries.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:0001", "loopback"],
    ["::FFFF:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:192.168.0.1", "private"],
    ["[::1]", "loopback"],
];

describe("checkAddress: every forbidden class is refused", () => {
  it.each(ROWS)("%s → %s", (address, expected) => {
    expect(checkAddress(address, "example.com")).toEqual({ ok: false, class: expected });
  });

  it("lets public addresses through, IPv4-mapped ones as plain IPv4", () => {
    for (const address of ["8.8.8.8", "1.1.1.1", "101.226.4.6", "172.32.0.1", "100.128.0.1", "198.20.0.1", "2400:3200::1", "2001:4860:4860::8888"]) {
      expect(checkAddress(address, "example.com"), address).toEqual({ ok: true, address: canonicalAddress(address) });
    }
    expect(checkAddress("::ffff:8.8.8.8", "example.com")).toEqual({ ok: true, address: "8.8.8.8" });
  });

  it("has a row for every range in the list", () => {
    for (const range of FORBIDDEN_RANGES) {
      expect(ROWS.some(([address, cls]) => cls === range.class && forbiddenRange(address)?.cidr === range.cidr), range.cidr).toBe(true);
    }
    expect(new Set(ROWS.map(([, cls]) => cls))).toEqual(new Set(FORBIDDEN_RANGES.map((r) => r.class)));
  });
});

describe("the resolver's reading of odd IPv4 spellings", () => {
  // The URL parser (and getaddrinfo, if a name ever reached it raw) reads these as 127.0.0.1.
  it.each(["http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://127.1/", "http://127.0.1/", "http://[::ffff:127.0.0.1]/"])(
    "%s is loopback",
    async (url) => {
      const host = new URL(url).hostname;
      const resolved = await dns.lookup(host.replace(/^\[|\]$/g, ""), { all: true, verbatim: true });
      for (const { address } of resolved) expect(checkAddress(address, host)).toMatchObject({ ok: false, class: "loopback" });
    },
  );

  it("reads decimal, octal and hex forms the way getaddrinfo does", async () => {
    for (const host of ["2130706433", "0x7f000001", "017700000001"]) {
      const [{ address }] = await dns.lookup(host, { all: true });
      expect(checkAddress(address, host)).toMatchObject({ ok: false, class: "loopback" });
    }
  });
});

describe("the allow-list", () => {
  const allow = parseAllowList("img.intranet.gov.cn\n10.20.0.0/16, 127.0.0.1");

  it("lets a named host or an address range be private", () => {
    expect(checkAddress("10.1.2.3", "img.intranet.gov.cn", allow)).toEqual({ ok: true, address: "10.1.2.3" });
    expect(checkAddress("10.20.5.6", "other.local", allow)).toEqual({ ok: true, address: "10.20.5.6" });
    expect(checkAddress("127.0.0.1", "127.0.0.1", allow)).toEqual({ ok: true, address: "127.0.0.1" });
    expect(checkAddress("::ffff:127.0.0.1", "localhost", allow)).toEqual({ ok: true, address: "127.0.0.1" });
  });

  it("does not open anything else", () => {
    expect(checkAddress("10.1.2.3", "other.local", allow)).toMatchObject({ ok: false, class: "private" });
    expect(checkAddress("127.0.0.2", "localhost", allow)).toMatchObject({ ok: false, class: "loopback" });
    expect(checkAddress("192.168.1.1", "img.intranet.gov.cn.evil.com", allow)).toMatchObject({ ok: false });
  });

  it("never opens a metadata service or a non-host address", () => {
    const wide = parseAllowList("169.254.0.0/16 0.0.0.0/8 metadata.internal 100.64.0.0/10");
    expect(checkAddress("169.254.169.254", "metadata.internal", wide)).toMatchObject({ ok: false, class: "metadata" });
    expect(checkAddress("100.100.100.200", "x", wide)).toMatchObject({ ok: false, class: "metadata" });
    expect(checkAddress("0.0.0.0", "x", wide)).toMatchObject({ ok: false, class: "this-network" });
    expect(checkAddress("169.254.1.1", "x", wide)).toEqual({ ok: true, address: "169.254.1.1" });
  });

  it("checks each entry's form, in Chinese", () => {
    for (const ok of ["img.gov.cn", "10.0.0.0/8", "192.168.1.20", "fd00::/16", "::1", "intranet"]) expect(allowEntryError(ok), ok).toBeNull();
    expect(allowEntryError("http://img.gov.cn/a")).toMatch(/不带 http/);
    for (const bad of ["10.0.0.0/4", "10.0.0.0/33", "img_gov", "a/b/c", "-x.cn"]) expect(allowEntryError(bad), bad).toMatch(/不是有效的/);
  });
});
