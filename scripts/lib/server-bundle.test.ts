import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCX_WORKER_FILE } from "@/lib/import/docx/worker-file";
import { buildAppServer } from "./server-bundle";

describe("the app server bundle", () => {
  it("imports only packages Node.js can load as they are: no Next.js subpath, no server-only guard", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-bundle-"));
    try {
      const code = fs.readFileSync(await buildAppServer(dir), "utf8");
      const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
      expect(imports).toContain("next");
      // next/cache and the like have no "exports" map: an ES module cannot import them by that name.
      expect(imports.filter((name) => name.startsWith("next/"))).toEqual([]);
      // The guard throws outside React's server condition: the bundle carries an empty one.
      expect(imports).not.toContain("server-only");
      // The public renderer is in it (lib/site/render.ts), React's server renderer from node_modules.
      expect(imports).toContain("react-dom/server");
      // The Word import's worker: the project's modules bundled in, packages left to Node.js.
      const worker = fs.readFileSync(path.join(dir, DOCX_WORKER_FILE), "utf8");
      const workerImports = [...worker.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
      expect(workerImports).toEqual(expect.arrayContaining(["mammoth", "happy-dom", "node:worker_threads"]));
      expect(workerImports.filter((name) => name.startsWith("@/") || name.startsWith(".") || name.startsWith("next"))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
