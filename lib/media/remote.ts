import "server-only";
import { z } from "zod";
import { ActionError } from "@/lib/actions/errors";
import { scopeOf } from "@/lib/articles/content";
import { assertCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { t } from "@/lib/i18n/zh-CN";
import { parseAllowList, type AllowList } from "@/lib/net/address-policy";
import { safeFetch } from "@/lib/net/safe-fetch";
import { failureReason } from "./fetch-failure";
import { MAX_IMAGE_BYTES, sniffImage } from "./sniff";
import { storeUpload, type Uploader } from "./upload";

/**
 * 远程图片本地化: a picture pasted from WeChat or a web page points at another site (and
 * WeChat's host refuses to show it on ours). The server fetches it safely (lib/net/safe-fetch.ts),
 * checks its bytes and stores it through the same pipeline as an upload (renditions,
 * EXIF stripped, deduplicated among the user's own, owned and audited as the user's).
 */
export const MAX_REMOTE_BATCH = 20;
/** Pictures fetched at once: a WeChat article has dozens, the machine has few cores. */
const CONCURRENCY = 4;

export const localizeInputSchema = z.object({
  urls: z
    .array(z.string().trim().min(1).max(4096, "图片地址过长"))
    .min(1, "没有要获取的图片")
    .max(MAX_REMOTE_BATCH, `一次最多获取 ${MAX_REMOTE_BATCH} 张图片`),
  articleId: z.number().int().positive().nullable().default(null),
});

export type LocalizeResult =
  | { url: string; ok: true; mediaId: number; src: string; srcset: string; width: number; height: number }
  | { url: string; ok: false; reason: string };

const R = t.remoteImages;

export { failureReason };


/** The site's intranet image hosts (read fresh: a changed setting applies at once). */
export async function remoteImageAllowList(): Promise<AllowList> {
  const row = await db().siteSettings.findUnique({ where: { id: 1 }, select: { remoteImageHosts: true } });
  return parseAllowList(row?.remoteImageHosts ?? "");
}

/** A file name for the library: the URL's last segment when it names an image, else the host. */
function nameFor(url: string, format: string): string {
  const u = new URL(url);
  const last = decodeURIComponent(u.pathname.split("/").filter(Boolean).at(-1) ?? "").replace(/[^\p{L}\p{N}._-]+/gu, "");
  const ext = format === "jpeg" ? "jpg" : format;
  return /\.(jpe?g|png|gif|webp|avif|tiff?)$/i.test(last) ? last.slice(0, 120) : `${u.hostname}-${last || "image"}.${ext}`.slice(0, 120);
}

export async function localizeOne(url: string, user: Uploader, allow: AllowList): Promise<LocalizeResult> {
  const fetched = await safeFetch(url, { allow, maxBytes: MAX_IMAGE_BYTES, accept: "image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8" });
  if (!fetched.ok) return { url, ok: false, reason: failureReason(fetched) };
  // By its bytes, never by the Content-Type the other site claims.
  const sniffed = sniffImage(fetched.bytes);
  if (!sniffed.ok) return { url, ok: false, reason: /SVG|HEIC/.test(sniffed.error) ? sniffed.error : R.notImage };
  try {
    const media = await storeUpload({ purpose: "image", name: nameFor(fetched.url, sniffed.value), alt: "", data: new Uint8Array(fetched.bytes) }, user);
    if (media.kind !== "image") return { url, ok: false, reason: R.notImage };
    return { url, ok: true, mediaId: media.id, src: media.src, srcset: media.srcset, width: media.width, height: media.height };
  } catch (error) {
    if (error instanceof ActionError) return { url, ok: false, reason: error.message };
    throw error;
  }
}

/** Fetches and stores each picture, a few at a time; one failure does not stop the others. */
export async function localizeRemoteImages(input: z.output<typeof localizeInputSchema>, user: Uploader): Promise<LocalizeResult[]> {
  assertCan(user, "media:upload");
  if (input.articleId !== null) {
    const article = await db().article.findUnique({ where: { id: input.articleId } });
    if (!article) throw new ActionError("not_found", "文章不存在或已被删除。");
    assertCan(user, "article:edit", scopeOf(article));
  }
  const allow = await remoteImageAllowList();
  const urls = [...new Set(input.urls)];
  const results = new Map<string, LocalizeResult>();
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      results.set(url, await localizeOne(url, user, allow));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, urls.length) }, worker));
  return urls.map((url) => results.get(url)!);
}
