import "server-only";
import { fill } from "@/lib/i18n/fill";
import type { AllowList } from "@/lib/net/address-policy";
import { safeFetch, type SafeFetchResult } from "@/lib/net/safe-fetch";
import type { ArticleRef } from "./content";
import { articleFix, type Finding } from "./finding";
import { healthText as H } from "./text";

/**
 * The optional check of links to other sites (a site setting: off by default, many
 * intranets have no internet). Through the project's safe fetcher (lib/net/safe-fetch.ts),
 * so a link cannot make the server call an internal address; HEAD first, then GET for
 * servers that refuse HEAD. Bounded: a per-request timeout, a cap on addresses per run,
 * two requests at a time, and at most one request a second to the same host.
 */
export const EXTERNAL_DEFAULTS = { timeoutMs: 8_000, maxLinks: 200, concurrency: 2, perHostIntervalMs: 1_000 } as const;

export interface ExternalOptions {
  allow: AllowList;
  timeoutMs?: number;
  maxLinks?: number;
  concurrency?: number;
  perHostIntervalMs?: number;
}

export interface ExternalSummary {
  checked: number;
  failed: number;
  /** Addresses inside (private, loopback…): not the public's links, and not ours to probe. */
  skipped: number;
  /** Left for the next run: over the cap. */
  capped: number;
}

type Outcome = { ok: true } | { ok: false; reason: string } | { ok: "skipped" };

/** Politeness: requests to one host are at least `interval` apart. */
function hostPacer(interval: number) {
  const next = new Map<string, number>();
  return async (host: string) => {
    const now = Date.now();
    const at = Math.max(now, next.get(host) ?? 0);
    next.set(host, at + interval);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}

function reasonOf(result: Extract<SafeFetchResult, { ok: false }>): string {
  if (result.reason === "http-status") return fill(H.externalReason.status, { status: result.status ?? 0 });
  if (result.reason in H.externalReason) return H.externalReason[result.reason as keyof typeof H.externalReason];
  return H.externalReason.unreachable;
}

async function checkOne(url: string, options: Required<ExternalOptions>, pace: (host: string) => Promise<void>): Promise<Outcome> {
  const host = new URL(url).host;
  const common = { allow: options.allow, timeoutMs: options.timeoutMs, maxRedirects: 4 };
  await pace(host);
  const head = await safeFetch(url, { ...common, method: "HEAD" });
  if (head.ok) return { ok: true };
  if (head.reason === "forbidden-address") return { ok: "skipped" };
  // Many servers answer HEAD with 405 or 404, or not at all: ask as a browser does. A
  // page larger than we read still answered.
  await pace(host);
  const get = await safeFetch(url, { ...common, method: "GET", maxBytes: 256 * 1024 });
  if (get.ok || get.reason === "too-large") return { ok: true };
  return { ok: false, reason: reasonOf(get) };
}

export async function checkExternalLinks(links: Map<string, ArticleRef[]>, input: ExternalOptions): Promise<{ findings: Finding[]; summary: ExternalSummary }> {
  const options: Required<ExternalOptions> = {
    allow: input.allow,
    timeoutMs: input.timeoutMs ?? EXTERNAL_DEFAULTS.timeoutMs,
    maxLinks: input.maxLinks ?? EXTERNAL_DEFAULTS.maxLinks,
    concurrency: input.concurrency ?? EXTERNAL_DEFAULTS.concurrency,
    perHostIntervalMs: input.perHostIntervalMs ?? EXTERNAL_DEFAULTS.perHostIntervalMs,
  };
  const urls = [...links.keys()].sort();
  const todo = urls.slice(0, options.maxLinks);
  const pace = hostPacer(options.perHostIntervalMs);
  const findings: Finding[] = [];
  const summary: ExternalSummary = { checked: 0, failed: 0, skipped: 0, capped: urls.length - todo.length };
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const url = todo[next++];
      const outcome = await checkOne(url, options, pace);
      if (outcome.ok === "skipped") {
        summary.skipped++;
        continue;
      }
      summary.checked++;
      if (outcome.ok) continue;
      summary.failed++;
      for (const article of links.get(url) ?? []) {
        findings.push({ check: "external-link", severity: "error", message: fill(H.message.external, { title: article.title, url, reason: outcome.reason }), ...articleFix(article.id) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return { findings, summary };
}
