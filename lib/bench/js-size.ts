import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * First-load JavaScript of an app route, read from a production build: the shared
 * runtime chunks every page loads plus the chunks of the route's layouts and page,
 * each counted once, gzipped as a server would send them.
 */
export interface JsSize {
  route: string;
  files: { file: string; bytes: number; gzip: number }[];
  totalBytes: number;
  totalGzip: number;
}

export function firstLoadJs(distDir: string, route: string): JsSize {
  const serverDir = path.join(distDir, "server", "app", route);
  const buildManifest = JSON.parse(fs.readFileSync(path.join(serverDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const rscManifestSource = fs.readFileSync(`${serverDir}_client-reference-manifest.js`, "utf8");
  const entryMatch = /"entryJSFiles":(\{[^}]*\})/.exec(rscManifestSource);
  const entryFiles: Record<string, string[]> = entryMatch ? JSON.parse(entryMatch[1]) : {};
  const files = [...new Set([...buildManifest.rootMainFiles, ...Object.values(entryFiles).flat()])];
  const sizes = files.map((file) => {
    const data = fs.readFileSync(path.join(distDir, file));
    return { file, bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
  });
  return {
    route,
    files: sizes,
    totalBytes: sizes.reduce((sum, f) => sum + f.bytes, 0),
    totalGzip: sizes.reduce((sum, f) => sum + f.gzip, 0),
  };
}
