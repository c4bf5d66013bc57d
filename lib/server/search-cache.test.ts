import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveArticle } from "@/lib/articles/mutations";
import { articleContentSchema } from "@/lib/articles/schema";
import { listenForChanges } from "@/lib/cache/bus";
import { PageCache } from "@/lib/cache/page-cache";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { db } from "@/lib/db/client";
import { runTransition, type TransitionInput } from "@/lib/workflow/mutations";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createDraft, createUser } from "@/test/factories";
import { createPublicSite } from "./public-site";

/**
 * The search cache on two instances: each keeps its own copies of search pages, and a
 * publish, an edit or a withdraw made on either reaches both through PostgreSQL NOTIFY
 * (lib/cache/bus.ts) — the next search on each is rendered afresh and shows the change.
 */
const databaseUrl = setupTestDatabase();

interface Instance {
  base: string;
  searchCache: PageCache;
  close: () => Promise<void>;
}

async function startInstance(): Promise<Instance> {
  const cache = new PageCache({ maxBytes: 4 * 1024 * 1024, ttlMs: 60_000 });
  const searchCache = new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
  const site = createPublicSite({ cache, searchCache, gate: null });
  const stopListening = listenForChanges({
    databaseUrl: databaseUrl(),
    onChange: (change) => {
      cache.drop(change);
      searchCache.drop(change);
    },
    onReconnect: () => {},
  });
  const server = http.createServer((req, res) => {
    if (!site(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    searchCache,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stopListening();
    },
  };
}

async function search(instance: Instance, q: string) {
  const res = await fetch(`${instance.base}/search?q=${encodeURIComponent(q)}`);
  // The text as read: hits come highlighted (湿地<mark>候鸟</mark>…).
  return { state: res.headers.get("x-gazette-cache"), body: (await res.text()).replace(/<[^>]+>/g, "") };
}

type Who = Awaited<ReturnType<typeof createUser>>;
let editor: Who;
let reviewer: Who;
let columnId: number;
const instances: Instance[] = [];

beforeAll(async () => {
  columnId = (await createColumn(1)).id;
  editor = await createUser("EDITOR", [columnId]);
  reviewer = await createUser("REVIEWER", [columnId]);
  instances.push(await startInstance(), await startInstance());
  // Both listeners are up before anything is announced.
  const sql = new pg.Client(poolConfigFromUrl(databaseUrl()));
  await sql.connect();
  try {
    for (const started = Date.now(); ; ) {
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'LISTEN gazette_refresh'`);
      if (rows[0].n >= 2) break;
      if (Date.now() - started > 15_000) throw new Error("the listeners did not start");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await sql.end();
  }
});

afterAll(() => Promise.all(instances.map((i) => i.close())));

async function run(articleId: number, action: TransitionInput["action"], actor: Who, extra: Partial<TransitionInput> = {}) {
  const version = action === "approve" ? (await db().article.findUniqueOrThrow({ where: { id: articleId } })).version : undefined;
  return runTransition({ articleId, action, actor, version, ...extra });
}

async function publishThroughReview(articleId: number) {
  await run(articleId, "submit", editor);
  await run(articleId, "approve", reviewer);
  await run(articleId, "publish", reviewer);
}

/** Each instance answers the search from its cache, then — once told of a change — renders it again with `expected`. */
async function expectDroppedEverywhere(q: string, expected: (body: string) => boolean) {
  for (const instance of instances) {
    await vi.waitFor(
      async () => {
        const page = await search(instance, q);
        expect(page.state === "MISS" && expected(page.body), `${instance.base}: the search for ${q} renewed (${page.state})`).toBe(true);
      },
      { timeout: 10_000, interval: 50 },
    );
    // Then kept again. A change notice that lands after the renewal drops the page once more
    // (seen once in a full run): ask until it is kept.
    await vi.waitFor(async () => expect((await search(instance, q)).state).toBe("HIT"), { timeout: 10_000, interval: 50 });
  }
}

describe("the search cache on two instances", () => {
  it("is dropped everywhere by a publish, an edit and a withdraw", async () => {
    const draft = await createDraft(editor.id, columnId, { title: "湿地候鸟监测报告", body: "乌梁素海湿地的候鸟数量继续增加。" });
    // Cached on both before the article is public: no result.
    for (const instance of instances) {
      expect((await search(instance, "候鸟")).state).toBe("MISS");
      expect((await search(instance, "候鸟")).state).toBe("HIT");
      expect(instance.searchCache.size).toBe(1);
    }

    await publishThroughReview(draft.id);
    await expectDroppedEverywhere("候鸟", (body) => body.includes("湿地候鸟监测报告"));

    const row = await db().article.findUniqueOrThrow({ where: { id: draft.id } });
    const input = articleContentSchema.parse({
      title: "湿地候鸟监测年报",
      columnId,
      author: row.author,
      source: row.source,
      publishedAt: row.publishedAt,
      pinned: row.pinned,
      headline: row.headline,
      bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "乌梁素海湿地的候鸟数量继续增加。" }] }] },
    });
    await saveArticle({ ...input, id: draft.id, baseVersion: row.version }, editor);
    await publishThroughReview(draft.id);
    await expectDroppedEverywhere("候鸟", (body) => body.includes("湿地候鸟监测年报") && !body.includes("湿地候鸟监测报告"));

    await run(draft.id, "withdraw", reviewer, { comment: "信息有误" });
    await expectDroppedEverywhere("候鸟", (body) => !body.includes("湿地候鸟监测年报"));
  });
});
