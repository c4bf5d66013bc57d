import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * The renderer runs in the plain Node app server (bundled by esbuild) and in tsx scripts:
 * nothing it reaches may come from Next.js, nor be guarded by "server-only" (which throws
 * outside a React Server Components build).
 */
describe("lib/site/render.ts's imports", () => {
  it("reach no next/* module and no server-only", async () => {
    const root = path.resolve(__dirname, "../..");
    const result = await build({
      entryPoints: [path.join(root, "lib/site/render.ts")],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      packages: "external",
      platform: "node",
      format: "esm",
      // "@/…" is resolved from tsconfig.json's paths; the .mjs modules are plain files.
      tsconfig: path.join(root, "tsconfig.json"),
      logLevel: "silent",
    });
    const packages = new Set<string>();
    for (const input of Object.values(result.metafile.inputs)) {
      for (const imported of input.imports) if (imported.external) packages.add(imported.path);
    }
    const forbidden = [...packages].filter((p) => p === "next" || p.startsWith("next/") || p === "server-only" || p.startsWith("next-auth"));
    expect(forbidden).toEqual([]);
    // It did bundle our own modules (the alias worked): the pages and the components.
    const ours = Object.keys(result.metafile.inputs);
    expect(ours).toContain("lib/site/pages/article.tsx");
    expect(ours).toContain("components/site/site-header.tsx");
  });
});
