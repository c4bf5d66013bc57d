import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIpOf, parseTrustedProxies } from "@/lib/security/client-ip";
import { stampClientIp } from "./client-address";

/**
 * A real HTTP server, as the app server runs it: a client connecting from 127.0.0.1
 * is a direct client when loopback is not trusted, and the address it claims in any
 * header is ignored; when loopback is trusted (the local nginx), its X-Forwarded-For is.
 */
function serve(trusted: string) {
  const proxies = parseTrustedProxies(trusted);
  const server = createServer((req, res) => {
    stampClientIp(req, proxies);
    res.end(clientIpOf((name) => req.headers[name] as string | undefined));
  });
  return server;
}

async function ask(server: Server, headers: Record<string, string>) {
  const { port } = server.address() as AddressInfo;
  return (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();
}

describe("stampClientIp", () => {
  const direct = serve("10.0.0.0/8");
  const proxied = serve("127.0.0.1/8,::1");
  beforeAll(async () => {
    await Promise.all([direct, proxied].map((s) => new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))));
  });
  afterAll(() => {
    direct.close();
    proxied.close();
  });

  it("a direct client is its socket address, whatever it writes in X-Forwarded-For, X-Real-IP or the internal header", async () => {
    expect(await ask(direct, { "x-forwarded-for": "198.51.100.4", "x-real-ip": "198.51.100.5", [CLIENT_IP_HEADER]: "198.51.100.6" })).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, the address the proxy saw; the internal header the client sent is dropped", async () => {
    expect(await ask(proxied, { "x-forwarded-for": "1.2.3.4, 198.51.100.4", [CLIENT_IP_HEADER]: "198.51.100.6" })).toBe("198.51.100.4");
  });
});
