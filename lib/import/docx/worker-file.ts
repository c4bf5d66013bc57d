import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The reader's worker (./worker.ts) as one plain JavaScript file, which a worker thread
 * runs without a TypeScript loader: `npm run build` writes it beside the app server
 * (scripts/lib/server-bundle.ts); in development and tests it is bundled on first use
 * into node_modules/.cache/gazette (packages stay external, so it must live inside
 * the project to find them).
 */
export const DOCX_WORKER_FILE = "gazette-docx-worker.mjs";

export function docxWorkerBuildOptions() {
  return {
    entryPoints: [path.join(process.cwd(), "lib", "import", "docx", "worker.ts")],
    bundle: true,
    platform: "node" as const,
    format: "esm" as const,
    target: "node20",
    packages: "external" as const,
    legalComments: "none" as const,
    logLevel: "warning" as const,
  };
}

let bundled: Promise<string> | null = null;

export function docxWorkerFile(): Promise<string> {
  if (process.env.NODE_ENV === "production") {
    const prebuilt = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", DOCX_WORKER_FILE);
    if (fs.existsSync(prebuilt)) return Promise.resolve(prebuilt);
  }
  bundled ??= bundleNow().catch((error) => {
    bundled = null;
    throw error;
  });
  return bundled;
}

async function bundleNow(): Promise<string> {
  // A development dependency, loaded only here: production runs the file the build wrote.
  const name = "esbuild";
  const { build } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ name)) as typeof import("esbuild");
  const result = await build({ ...docxWorkerBuildOptions(), write: false, outfile: "docx-worker.mjs" });
  const code = result.outputFiles[0].contents;
  const dir = path.join(process.cwd(), "node_modules", ".cache", "gazette");
  const file = path.join(dir, `docx-worker-${crypto.createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    // Several test processes may write it at once: each writes its own copy, then renames it into place.
    const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    fs.writeFileSync(temporary, code);
    fs.renameSync(temporary, file);
  }
  return file;
}
