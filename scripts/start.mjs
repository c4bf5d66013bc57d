/**
 * npm start: runs the server `npm run build` made, in this process (no launcher left
 * beside it). package.json gives Node.js a bounded heap: V8 otherwise grows it lazily
 * under load where 256 MB serves the same load at the same speed (npm run bench).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const server = path.resolve(process.env.NEXT_DIST_DIR || ".next", "gazette-server.mjs");
if (!fs.existsSync(server)) {
  console.error(`[gazette] ${path.relative(process.cwd(), server)} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
process.env.NODE_ENV = "production";
await import(pathToFileURL(server).href);
