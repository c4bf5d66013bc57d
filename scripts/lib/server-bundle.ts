/**
 * Bundles the app server (scripts/server.ts) into <distDir>/gazette-server.mjs, so that
 * production runs it as plain JavaScript: no TypeScript loader in the serving process,
 * whose hooks would otherwise sit on every dynamic import Next.js makes per request.
 * Packages stay external (node_modules); the project's own modules are bundled.
 */
import path from "node:path";
import { build } from "esbuild";
import { DOCX_WORKER_FILE, docxWorkerBuildOptions } from "../../lib/import/docx/worker-file";

export const APP_SERVER_FILE = "gazette-server.mjs";

export async function buildAppServer(distDir: string): Promise<string> {
  const outfile = path.join(distDir, APP_SERVER_FILE);
  await build({
    entryPoints: ["scripts/server.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    legalComments: "none",
    logLevel: "warning",
  });
  // The Word import's worker thread runs one plain file too (lib/import/docx/worker-file.ts).
  await build({ ...docxWorkerBuildOptions(), outfile: path.join(distDir, DOCX_WORKER_FILE) });
  return outfile;
}
