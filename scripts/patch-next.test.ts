import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PATCHES } from "./patch-next.mjs";

const runtime = path.join("node_modules", "next", "dist", "compiled", "next-server", "app-page-turbo.runtime.prod.js");

describe("the installed Next.js", () => {
  it("measures only data-cache entries in IncrementalCache.set (postinstall applied the fix, and it still matches)", () => {
    for (const { dir, from } of PATCHES) {
      for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".js"))) {
        expect(fs.readFileSync(path.join(dir, name), "utf8").search(from), name).toBe(-1);
      }
    }
    // The runtime that serves app pages in production has the fixed line.
    expect(fs.readFileSync(runtime, "utf8")).toMatch(PATCHES[0].done);
  });

  it("rewrites the minified line so that only a data-cache entry is stringified", () => {
    const { from, to, done } = PATCHES[0];
    const line = "let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.x){warn(i)}";
    const fixed = line.replace(from, to);
    expect(fixed).toBe("let i=r.fetchCache?JSON.stringify(t).length:0;if(r.fetchCache&&i>2097152&&!this.x){warn(i)}");
    expect(fixed).toMatch(done);
    // A page entry (no fetchCache) is never stringified: a Buffer's toJSON would throw here.
    const entry = { rscData: { toJSON: () => { throw new Error("stringified"); } } };
    const measure = new Function("t", "r", `${fixed.replace("{warn(i)}", "{}")};return i;`) as (t: unknown, r: unknown) => number;
    expect(measure(entry, { fetchCache: false })).toBe(0);
    expect(measure({ data: "abc" }, { fetchCache: true })).toBe(JSON.stringify({ data: "abc" }).length);
  });
});
