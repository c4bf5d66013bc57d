import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { pathVariants } from "@/lib/import/site/old-path";
import { staticRoot } from "@/lib/static/snapshot";
import { articlePath, eachRedirect } from "./queries";

/**
 * The redirects for nginx when it serves the static snapshot (docs/deploy.md includes
 * this file in the server block): one exact `location` per old address and variant,
 * answering 301 without the app. nginx matches the decoded path, so each key is written
 * decoded too; every path is quoted. A dotfile, which the snapshot's nginx does not serve.
 */
export const NGINX_REDIRECTS_FILE = ".redirects.conf";

const quote = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, "")}"`;

export function nginxRedirectLines(pathKey: string, articleId: number): string[] {
  return pathVariants(pathKey).map((p) => `location = ${quote(p)} { return 301 ${articlePath(articleId)}; }`);
}

export async function writeNginxRedirects(root = staticRoot()): Promise<string> {
  await fs.promises.mkdir(root, { recursive: true });
  const file = path.join(root, NGINX_REDIRECTS_FILE);
  const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
  const out = fs.createWriteStream(tmp);
  // events.once removes its listeners again and rejects on the stream's error.
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, "drain");
  };
  await write("# Written by Gazette after each import (lib/redirects/nginx.ts); do not edit.\n");
  const seen = new Set<string>();
  for await (const r of eachRedirect()) {
    for (const line of nginxRedirectLines(r.path, r.articleId)) {
      // A decoded form may equal another key's: nginx refuses a duplicate location.
      const at = line.slice(0, line.indexOf(" { "));
      if (seen.has(at)) continue;
      seen.add(at);
      await write(`${line}\n`);
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  await fs.promises.rename(tmp, file);
  return file;
}
