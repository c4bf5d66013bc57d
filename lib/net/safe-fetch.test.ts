import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redirect, send, startImageServer, type ImageServer } from "@/test/image-server";
import { parseAllowList } from "./address-policy";
import { safeFetch } from "./safe-fetch";

/** The fetcher against a real local HTTP server, reachable only through the allow-list. */
let server: ImageServer;
const picture = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1000, 7)]);
const allow = parseAllowList("127.0.0.1");

beforeAll(async () => {
  server = await startImageServer({
    "/a.png": send(picture, "image/png"),
    "/hop": redirect("/a.png"),
    "/to-private": redirect("http://192.168.1.1/a.png"),
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-localhost-name": redirect("http://localhost/a.png", 301),
    "/to-file": redirect("file:///etc/passwd"),
    "/loop": redirect("/loop"),
    "/forbidden": send("no", "text/plain", 403),
    "/big-declared": (_req, res) => {
      res.writeHead(200, { "content-type": "image/jpeg", "content-length": 30 * 1024 * 1024 });
      res.write(Buffer.alloc(1024));
    },
    "/big-streamed": (_req, res) => {
      // No length announced: the fetcher must count and stop.
      res.writeHead(200, { "content-type": "image/jpeg" });
      const chunk = Buffer.alloc(256 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent < 40 && !res.destroyed) res.once("drain", pump);
        else res.end();
      };
      pump();
    },
    "/endless-403": (_req, res) => {
      res.writeHead(403, { "content-type": "text/html" });
      const timer = setInterval(() => res.write("x".repeat(1024)), 5);
      res.on("close", () => clearInterval(timer));
    },
    "/truncated": (_req, res) => {
      res.writeHead(200, { "content-type": "image/png", "content-length": 5000 });
      res.write(picture);
      setTimeout(() => res.socket?.destroy(), 20);
    },
    "/slow": (_req, res) => {
      const timer = setTimeout(() => send(picture, "image/png")(_req, res), 3000);
      res.on("close", () => clearTimeout(timer));
    },
  });
});
afterAll(() => server.close());

describe("safeFetch against a local server", () => {
  it("fetches from a host on the allow-list, sending no Referer and no Cookie", async () => {
    const result = await safeFetch(`${server.origin}/a.png`, { allow });
    expect(result).toMatchObject({ ok: true, contentType: "image/png", url: `${server.origin}/a.png` });
    if (result.ok) expect(result.bytes.equals(picture)).toBe(true);
    const seen = server.requests.at(-1)!;
    expect(seen.path).toBe("/a.png");
    expect(seen.headers.referer).toBeUndefined();
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.host).toBe(`127.0.0.1:${server.port}`);
  });

  it("refuses the same server without the allow-list, because it is loopback, before connecting", async () => {
    const before = server.requests.length;
    expect(await safeFetch(`${server.origin}/a.png`)).toEqual({ ok: false, reason: "forbidden-address", addressClass: "loopback" });
    expect(await safeFetch(`http://localhost:${server.port}/a.png`)).toMatchObject({ ok: false, reason: "forbidden-address", addressClass: "loopback" });
    expect(await safeFetch(`http://[::1]:${server.port}/a.png`)).toMatchObject({ ok: false, reason: "forbidden-address", addressClass: "loopback" });
    expect(await safeFetch(`http://2130706433:${server.port}/a.png`)).toMatchObject({ ok: false, reason: "forbidden-address", addressClass: "loopback" });
    expect(server.requests.length).toBe(before);
  });

  it("follows a redirect on an allowed host, and checks every hop again", async () => {
    expect(await safeFetch(`${server.origin}/hop`, { allow })).toMatchObject({ ok: true, url: `${server.origin}/a.png` });
    expect(await safeFetch(`${server.origin}/to-private`, { allow })).toEqual({ ok: false, reason: "forbidden-address", addressClass: "private" });
    expect(await safeFetch(`${server.origin}/to-metadata`, { allow })).toEqual({ ok: false, reason: "forbidden-address", addressClass: "metadata" });
    expect(await safeFetch(`${server.origin}/to-file`, { allow })).toEqual({ ok: false, reason: "scheme" });
    expect(await safeFetch(`${server.origin}/loop`, { allow })).toEqual({ ok: false, reason: "too-many-redirects" });
  });

  it("lets an allow-listed address through under any name, but a host-name entry only for that name", async () => {
    expect(await safeFetch(`${server.origin}/to-localhost-name`, { allow })).toMatchObject({ ok: false, reason: "unreachable" }); // port 80: allowed, nothing listens
    const byName = parseAllowList("localhost");
    expect(await safeFetch(`http://localhost:${server.port}/a.png`, { allow: byName })).toMatchObject({ ok: true });
    expect(await safeFetch(`${server.origin}/a.png`, { allow: byName })).toMatchObject({ ok: false, reason: "forbidden-address" });
  });

  it("refuses other schemes and addresses with credentials", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.com/a.png", "gopher://127.0.0.1:6379/_", "data:image/png;base64,AAAA", "javascript:alert(1)"]) {
      expect(await safeFetch(url, { allow }), url).toEqual({ ok: false, reason: "scheme" });
    }
    expect(await safeFetch(`http://user:pw@127.0.0.1:${server.port}/a.png`, { allow })).toEqual({ ok: false, reason: "invalid-url" });
    expect(await safeFetch("http://exa mple.com/", { allow })).toEqual({ ok: false, reason: "invalid-url" });
  });

  it("reports the other site's refusal with its status", async () => {
    expect(await safeFetch(`${server.origin}/forbidden`, { allow })).toEqual({ ok: false, reason: "http-status", status: 403 });
    expect(await safeFetch(`${server.origin}/missing.png`, { allow })).toEqual({ ok: false, reason: "http-status", status: 404 });
  });

  it("does not read a refused answer's body, and counts a cut-off picture as a failure", async () => {
    const started = Date.now();
    expect(await safeFetch(`${server.origin}/endless-403`, { allow })).toEqual({ ok: false, reason: "http-status", status: 403 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await safeFetch(`${server.origin}/truncated`, { allow })).toEqual({ ok: false, reason: "unreachable" });
  });

  it("stops at the size limit, announced or not", async () => {
    expect(await safeFetch(`${server.origin}/big-declared`, { allow, maxBytes: 20 * 1024 * 1024 })).toEqual({ ok: false, reason: "too-large" });
    expect(await safeFetch(`${server.origin}/big-streamed`, { allow, maxBytes: 2 * 1024 * 1024 })).toEqual({ ok: false, reason: "too-large" });
  });

  it("gives up on a slow server at the deadline", async () => {
    const started = Date.now();
    expect(await safeFetch(`${server.origin}/slow`, { allow, timeoutMs: 300 })).toEqual({ ok: false, reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe("safeFetch over HTTPS", () => {
  it("connects to the checked address but names the host in SNI, and verifies the certificate", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "safe-fetch-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`], { stdio: "ignore" });
    const names: string[] = [];
    const tls = https.createServer(
      {
        key: fs.readFileSync(`${dir}/key.pem`),
        cert: fs.readFileSync(`${dir}/cert.pem`),
        SNICallback: (name, cb) => {
          names.push(name);
          cb(null);
        },
      },
      (_req, res) => res.end(picture),
    );
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    const { port } = tls.address() as AddressInfo;
    try {
      // A self-signed certificate: refused, so verification is on.
      expect(await safeFetch(`https://localhost:${port}/a.png`, { allow: parseAllowList("localhost") })).toEqual({ ok: false, reason: "tls" });
      expect(names).toEqual(["localhost"]);
    } finally {
      tls.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
