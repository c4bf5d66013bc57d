import fs from "node:fs";
import path from "node:path";
import { failureReason } from "@/lib/media/fetch-failure";
import { MAX_ATTACHMENT_BYTES, MAX_IMAGE_BYTES } from "@/lib/media/sniff";
import { parseAllowList, type AllowList } from "@/lib/net/address-policy";
import { safeFetch } from "@/lib/net/safe-fetch";
import { fill } from "@/lib/i18n/fill";
import { importText } from "./text";

/**
 * Where an item's pictures and attachments are read from. The administrator who runs
 * the import trusts the old site's own address (named by the export, or by the list of
 * pages): it may be on the intranet or on this machine, so it is on the fetcher's
 * allow-list — unlike the editor's paste, which may reach public hosts only. Any other
 * host is fetched as a paste would be. Either way the fetch is bounded in size and
 * time; the bytes are checked by content when they are stored (./media.ts).
 *
 * A local copy (WordPress's wp-content/uploads, a mirrored static site) is read
 * instead of the network when the address falls inside it; a path that leaves the
 * folder is refused.
 */
export type AssetBytes = { ok: true; bytes: Uint8Array; name: string } | { ok: false; reason: string };

export interface AssetReader {
  read(url: string, kind: "image" | "attachment"): Promise<AssetBytes>;
}

export interface AssetReaderOptions {
  /** The old site's addresses (any of them): trusted even when private. */
  trustedOrigins: string[];
  /**
   * Local copies of files: the address path each stands for ("/wp-content/uploads/" →
   * the folder), on any host, or only on `origin` (a mirrored site's folder is its root).
   */
  localCopies?: { origin?: string; urlPrefix: string; dir: string }[];
  timeoutMs?: number;
}

const P = importText.problems;

function decodeLoosely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function lastSegment(url: URL): string {
  return decodeLoosely(url.pathname.split("/").filter(Boolean).at(-1) ?? "file");
}

/** A file of a local copy: inside its folder, or refused. */
export async function readLocalFile(dir: string, relative: string, maxBytes: number): Promise<AssetBytes> {
  const root = path.resolve(dir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return { ok: false, reason: P.outsideFolder };
  try {
    // A link inside the copy must not lead out of it either.
    const real = await fs.promises.realpath(file);
    const realRoot = await fs.promises.realpath(root);
    if (!real.startsWith(realRoot + path.sep)) return { ok: false, reason: P.outsideFolder };
    const stat = await fs.promises.stat(real);
    if (!stat.isFile()) return { ok: false, reason: P.notFile };
    if (stat.size > maxBytes) return { ok: false, reason: P.tooLarge };
    return { ok: true, bytes: new Uint8Array(await fs.promises.readFile(real)), name: path.basename(file) };
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? P.notInCopy : P.unreadableFile };
  }
}

export function createAssetReader(options: AssetReaderOptions): AssetReader {
  const trusted = options.trustedOrigins.flatMap((o) => {
    try {
      return [new URL(o).hostname.toLowerCase()];
    } catch {
      return [];
    }
  });
  const allow: AllowList = parseAllowList(trusted);
  return {
    async read(raw, kind) {
      const maxBytes = kind === "image" ? MAX_IMAGE_BYTES : MAX_ATTACHMENT_BYTES;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return { ok: false, reason: P.badUrl };
      }
      for (const copy of options.localCopies ?? []) {
        if (copy.origin && copy.origin !== url.origin) continue;
        const at = url.pathname.indexOf(copy.urlPrefix);
        if (at >= 0 && (copy.origin ? at === 0 : true)) return readLocalFile(copy.dir, decodeLoosely(url.pathname.slice(at + copy.urlPrefix.length)), maxBytes);
      }
      const fetched = await safeFetch(url.href, { allow, maxBytes, timeoutMs: options.timeoutMs ?? 20_000 });
      if (!fetched.ok) return { ok: false, reason: failureReason(fetched) };
      return { ok: true, bytes: new Uint8Array(fetched.bytes), name: lastSegment(new URL(fetched.url)) };
    },
  };
}

export const describeAssetProblem = (kind: "image" | "attachment", url: string, reason: string) =>
  fill(kind === "image" ? P.picture : P.attachment, { url, reason });
