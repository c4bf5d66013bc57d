import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PATCHES } from "./patch-next.mjs";

const runtime = path.join("node_modules", "next", "dist", "compiled", "next-server", "app-page-turbo.runtime.prod.js");
const patch = (fix: string) => PATCHES.find((p) => p.fix.startsWith(fix) && p.dir.endsWith("next-server"))!;

describe("the installed Next.js", () => {
  it("has every fix (postinstall applied them, and they still match)", () => {
    for (const { dir, from } of PATCHES) {
      for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".js"))) {
        expect(fs.readFileSync(path.join(dir, name), "utf8").search(from), name).toBe(-1);
      }
    }
    // The runtime that serves app pages in production has the fixed lines.
    const source = fs.readFileSync(runtime, "utf8");
    for (const { done } of PATCHES.filter((p) => p.dir.endsWith("next-server"))) expect(source).toMatch(done);
  });

  it("rewrites the minified line so that only a data-cache entry is stringified", () => {
    const { from, to, done } = patch("IncrementalCache.set");
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

  it("collects route segments while the build prerenders, never for a render at run time", async () => {
    const { from, to, done } = patch("route segments");
    // The shape of the minified function: (buffer, store, ComponentMod, renderOpts, pagePath, metadata).
    const original =
      "async function s1(e,t,r,n,a,i){let s,{clientModules:o}=x();let m=!1;i.segmentData=await r.collectSegmentData(n.cacheComponents,e,o,s,m)}";
    const fixed = original.replace(from, to);
    expect(fixed).toMatch(done);
    const collect = new Function("x", `return ${fixed.replace("async function s1", "async function")}`)(() => ({ clientModules: {} })) as (
      ...args: unknown[]
    ) => Promise<void>;
    const componentMod = { collectSegmentData: async () => new Map([["/_tree", "tree"]]) };
    const atBuild: { segmentData?: unknown } = {};
    await collect(Buffer.from(""), {}, componentMod, { isBuildTimePrerendering: true }, "/articles/[id]", atBuild);
    expect(atBuild.segmentData).toEqual(new Map([["/_tree", "tree"]]));
    const atRunTime: { segmentData?: unknown } = {};
    await collect(Buffer.from(""), {}, componentMod, { isBuildTimePrerendering: false }, "/articles/[id]", atRunTime);
    expect(atRunTime.segmentData).toBeUndefined();
  });
});
