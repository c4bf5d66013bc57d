import "server-only";
import { isPublicMedia, staffMaySee, type MediaViewer } from "./access";
import { isSafeKey, mediaStorage } from "./storage";

const TYPES: Record<string, string> = {
  webp: "image/webp",
  jpg: "image/jpeg",
  png: "image/png",
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  wps: "application/vnd.ms-works",
  ofd: "application/ofd",
  zip: "application/zip",
};

/**
 * Public files: keys are generated and never reused, so caches may keep them for a
 * year. (A cache that took a file while it was public keeps it after a withdrawal:
 * that is the price of immutable caching, and why nothing is public before it is live.)
 */
export const PUBLIC_MEDIA_CACHE = "public, max-age=31536000, immutable";
/**
 * How long nginx's cache in front (docs/deploy.md) keeps a public file: it overrides
 * the year above for nginx only, so that a withdrawn article's files stop being served
 * within a minute, like its pages (public, max-age=60).
 */
export const PUBLIC_MEDIA_PROXY_SECONDS = 60;
/** Staff-only files, and every "not found": nothing kept, so a later publication is seen at once. */
export const PRIVATE_MEDIA_CACHE = "private, no-store";

function notFound() {
  return new Response("Not found", { status: 404, headers: { "cache-control": PRIVATE_MEDIA_CACHE, "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Answers /media/<key> (lib/media/access.ts says who may): the public gets a file only
 * while it is public, and 404 otherwise — not 403, which would tell that a draft has an
 * attachment. The session is read only when the file is not public: anonymous readers
 * cost one indexed lookup.
 */
export async function serveMedia(key: string, viewer: () => Promise<MediaViewer | null>): Promise<Response> {
  if (!isSafeKey(key)) return notFound();
  let cache = PUBLIC_MEDIA_CACHE;
  if (!(await isPublicMedia(key))) {
    const user = await viewer();
    if (!user || !(await staffMaySee(key, user))) return notFound();
    cache = PRIVATE_MEDIA_CACHE;
  }
  const data = await mediaStorage().get(key);
  if (!data) return notFound();
  const type = TYPES[key.split(".").pop() ?? ""];
  return new Response(new Uint8Array(data), {
    headers: {
      "content-type": type ?? "application/octet-stream",
      "content-length": String(data.length),
      "cache-control": cache,
      ...(cache === PUBLIC_MEDIA_CACHE ? { "x-accel-expires": String(PUBLIC_MEDIA_PROXY_SECONDS) } : {}),
      "x-content-type-options": "nosniff",
      // Attachments download; images display.
      ...(type?.startsWith("image/") ? {} : { "content-disposition": "attachment" }),
    },
  });
}
