import type { ServerResponse } from "node:http";
import { t } from "@/lib/i18n/zh-CN";
import { staticApiHeaders } from "@/lib/security/headers.mjs";

/**
 * Admission for the public renders this instance does: at most `concurrency`
 * at a time, the rest wait their turn (first come, first served), and past `maxQueue`
 * waiting a request is answered 503 at once, with Retry-After.
 *
 * More renders at once are not more renders per second: they share two cores and one
 * database. 32 concurrent searches at 100,000 articles ran at the rate 4 did (45/s) but
 * held 60 MB more memory and took eight times as long each (npm run bench). A flood of
 * searches or of first visits (a crawler) now waits in line instead of growing the heap.
 * Downloads are held too: a missing file is rendered with every picture embedded.
 * Cached pages, the admin, the API and the site's files are never held (lib/site/routes.ts).
 */
export interface RenderGateOptions {
  concurrency: number;
  maxQueue: number;
}

const BUSY_HEADERS: Record<string, string> = {
  ...Object.fromEntries(staticApiHeaders().map(({ key, value }) => [key, value])),
  "cache-control": "no-store",
  "content-type": "text/html; charset=utf-8",
  "retry-after": "5",
};

const BUSY_PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.site.busyTitle}</title></head><body><h1>${t.site.busyTitle}</h1><p>${t.site.busy}</p></body></html>`;

export class RenderGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: RenderGateOptions) {}

  /** Requests in Next.js now, and waiting for a turn (for tests and diagnostics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Calls `render` once a turn is free; the turn ends when the response does (or its connection closes). */
  admit(res: ServerResponse, render: () => void): void {
    if (this.running < this.options.concurrency) return this.start(res, render);
    if (this.waiting.length >= this.options.maxQueue) {
      res.writeHead(503, { ...BUSY_HEADERS, "content-length": Buffer.byteLength(BUSY_PAGE) });
      res.end(BUSY_PAGE);
      return;
    }
    const turn = () => this.start(res, render);
    this.waiting.push(turn);
    // A reader who gives up while waiting leaves the line.
    res.once("close", () => {
      const index = this.waiting.indexOf(turn);
      if (index >= 0) this.waiting.splice(index, 1);
    });
  }

  private start(res: ServerResponse, render: () => void): void {
    this.running++;
    // "close" follows the end of every response, and a lost connection too.
    res.once("close", () => {
      this.running--;
      this.waiting.shift()?.();
    });
    render();
  }
}
