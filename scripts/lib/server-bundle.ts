/**
 * Bundles one instance's server (scripts/server.ts) into <distDir>/gazette-server.mjs,
 * so that it runs as plain JavaScript: no TypeScript loader in the serving process,
 * whose hooks would otherwise sit on every dynamic import Next.js makes per request.
 * Packages stay external (node_modules); the project's own modules are bundled.
 */
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { DOCX_WORKER_FILE, docxWorkerBuildOptions } from "../../lib/import/docx/worker-file";

export const APP_SERVER_FILE = "gazette-server.mjs";

/**
 * `server-only` guards modules against a Next.js client bundle; outside React's server
 * condition its main file throws. The app server is all server: the guard is empty here.
 */
const serverOnlyIsEmpty: Plugin = {
  name: "server-only-is-empty",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

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
    jsx: "automatic",
    legalComments: "none",
    logLevel: "warning",
    plugins: [serverOnlyIsEmpty],
  });
  // The Word import's worker thread runs one plain file too (lib/import/docx/worker-file.ts).
  await build({ ...docxWorkerBuildOptions(), outfile: path.join(distDir, DOCX_WORKER_FILE) });
  return outfile;
}
