import "server-only";
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkAddress, EMPTY_ALLOW_LIST, type AddressClass, type AllowList } from "./address-policy";

/**
 * Fetches a URL that a user gave us (a pasted picture, a page to import) without letting
 * that user reach what only the server can reach (SSRF): http(s) only; the host name is
 * resolved first, every address it resolves to is checked (address-policy.ts), and the
 * connection goes to exactly the checked address — the socket's `lookup` returns it, so
 * a second DNS answer (rebinding) cannot swap it, while the Host header and TLS SNI still
 * name the host. Redirects are followed by hand, a few, each hop checked again. No
 * Referer and no cookies are sent; one deadline covers the whole exchange; the body is
 * streamed and abandoned past the size limit.
 *
 * Node's own http/https rather than a library: request-filtering-agent and ssrf-req-filter
 * check the address inside an http.Agent after the (unchecked) lookup — the same idea —
 * but are not in the project, bring ipaddr.js, and neither bounds time, size or redirects,
 * which we need anyway. net.BlockList covers the address arithmetic.
 */
export type FetchFailure =
  | "invalid-url"
  | "scheme"
  | "forbidden-address"
  | "dns"
  | "timeout"
  | "too-large"
  | "http-status"
  | "too-many-redirects"
  | "unreachable"
  | "tls";

export type SafeFetchResult =
  | { ok: true; bytes: Buffer; contentType: string; url: string }
  | { ok: false; reason: FetchFailure; status?: number; addressClass?: AddressClass };

export interface SafeFetchOptions {
  /** Hosts and ranges that may be private (the site's intranet image hosts; an importer's trusted origin). */
  allow?: AllowList;
  /** For the whole exchange, redirects included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  accept?: string;
  /** HEAD asks only whether the address answers (a link check); the result then has no bytes. */
  method?: "GET" | "HEAD";
}

export const SAFE_FETCH_DEFAULTS = { timeoutMs: 10_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 4 } as const;

const USER_AGENT = "Mozilla/5.0 (compatible; Gazette/1.0; image localisation)";

class Failure extends Error {
  constructor(readonly result: Extract<SafeFetchResult, { ok: false }>) {
    super(result.reason);
  }
}
const fail = (reason: FetchFailure, extra: { status?: number; addressClass?: AddressClass } = {}) => new Failure({ ok: false, reason, ...extra });

/** getaddrinfo cannot be cancelled; the deadline does not wait for it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(fail("timeout"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Resolves and checks a URL's host: the one address to connect to, or a failure. */
async function checkedAddress(url: URL, allow: AllowList, signal: AbortSignal): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  try {
    addresses = await untilAborted(dns.lookup(host, { all: true, verbatim: true }), signal);
  } catch (error) {
    throw error instanceof Failure ? error : fail("dns");
  }
  if (!addresses.length) throw fail("dns");
  const checked: { address: string; family: 4 | 6 }[] = [];
  // Every address must pass: a name that also points inside is refused, not tried until one works.
  for (const { address } of addresses) {
    const verdict = checkAddress(address, url.hostname, allow);
    if (!verdict.ok) throw fail("forbidden-address", { addressClass: verdict.class });
    checked.push({ address: verdict.address, family: verdict.address.includes(":") ? 6 : 4 });
  }
  // IPv4 first: many servers (and offices) still have no IPv6 route.
  return checked.find((a) => a.family === 4) ?? checked[0];
}

function parseUrl(raw: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw fail("invalid-url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw fail("scheme");
  if (url.username || url.password) throw fail("invalid-url");
  return url;
}

interface Hop {
  status: number;
  location?: string;
  contentType: string;
  bytes?: Buffer;
}

function request(url: URL, target: { address: string; family: 4 | 6 }, opts: Required<Omit<SafeFetchOptions, "allow">>, signal: AbortSignal): Promise<Hop> {
  // Whatever name the socket asks about, it gets the address we checked.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: opts.method,
        lookup,
        agent: false,
        signal,
        headers: { "user-agent": USER_AGENT, accept: opts.accept, "accept-encoding": "identity" },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers["content-type"] ?? "");
        // Bodies we do not read are not drained: a hostile server could send one for ever.
        if (status >= 300 && status < 400 && res.headers.location) {
          resolve({ status, location: res.headers.location, contentType });
          return res.destroy();
        }
        if (status < 200 || status >= 300) {
          resolve({ status, contentType });
          return res.destroy();
        }
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
          reject(fail("too-large"));
          return res.destroy();
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > opts.maxBytes) {
            reject(fail("too-large"));
            res.destroy();
          } else chunks.push(chunk);
        });
        // A connection closed before the announced end is a failure, not a shorter picture.
        res.on("end", () => (res.complete ? resolve({ status, contentType, bytes: Buffer.concat(chunks) }) : reject(fail("unreachable"))));
        res.on("error", reject);
        res.on("aborted", () => reject(fail("unreachable")));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

function asFailure(error: unknown, signal: AbortSignal): Extract<SafeFetchResult, { ok: false }> {
  if (error instanceof Failure) return error.result;
  if (signal.aborted) return { ok: false, reason: "timeout" };
  const code = String((error as NodeJS.ErrnoException)?.code ?? "");
  if (/CERT|SSL|TLS|ERR_OSSL|SELF_SIGNED|HOSTNAME_MISMATCH/i.test(code)) return { ok: false, reason: "tls" };
  return { ok: false, reason: "unreachable" };
}

/** Fetches `raw` as described above; never throws. */
export async function safeFetch(raw: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const opts = {
    timeoutMs: options.timeoutMs ?? SAFE_FETCH_DEFAULTS.timeoutMs,
    maxBytes: options.maxBytes ?? SAFE_FETCH_DEFAULTS.maxBytes,
    maxRedirects: options.maxRedirects ?? SAFE_FETCH_DEFAULTS.maxRedirects,
    accept: options.accept ?? "*/*",
    method: options.method ?? "GET",
  };
  const allow = options.allow ?? EMPTY_ALLOW_LIST;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    let url = parseUrl(raw);
    for (let hop = 0; ; hop++) {
      const target = await checkedAddress(url, allow, controller.signal);
      const response = await request(url, target, opts, controller.signal);
      if (response.location !== undefined) {
        if (hop >= opts.maxRedirects) throw fail("too-many-redirects");
        url = parseUrl(response.location, url);
        continue;
      }
      if (!response.bytes) throw fail("http-status", { status: response.status });
      return { ok: true, bytes: response.bytes, contentType: response.contentType, url: url.href };
    }
  } catch (error) {
    return asFailure(error, controller.signal);
  } finally {
    clearTimeout(timer);
    // Whatever is still open (a refused body, a half-read one) is closed now.
    controller.abort();
  }
}
