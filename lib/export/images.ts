import sharp from "sharp";
import { mediaStorage } from "@/lib/media/storage";

export interface EmbeddedImage {
  data: Buffer;
  mimeType: "image/jpeg" | "image/png";
  width: number;
  height: number;
}

/**
 * The bytes of a body image, for embedding into a download. Only the site's own media
 * (/media/<key>) are embedded: fetching a picture from elsewhere at download time would
 * make the server a proxy for any address an editor pasted. WebP (which Word cannot
 * show) is re-encoded as JPEG.
 */
export async function loadMediaImage(src: string): Promise<EmbeddedImage | null> {
  if (!src.startsWith("/media/")) return null;
  let data: Buffer | null;
  try {
    data = await mediaStorage().get(decodeURIComponent(src.slice("/media/".length)).split(/[?#]/)[0]);
  } catch {
    return null; // an unsafe or malformed key
  }
  if (!data) return null;
  try {
    const meta = await sharp(data).metadata();
    if (!meta.width || !meta.height) return null;
    if (meta.format === "jpeg" || meta.format === "png") {
      return { data, mimeType: meta.format === "png" ? "image/png" : "image/jpeg", width: meta.width, height: meta.height };
    }
    const jpeg = await sharp(data).flatten({ background: "#ffffff" }).jpeg({ quality: 85 }).toBuffer();
    return { data: jpeg, mimeType: "image/jpeg", width: meta.width, height: meta.height };
  } catch {
    return null;
  }
}

/** Loads each distinct source once, in parallel. */
export async function loadImages(srcs: Iterable<string>): Promise<Map<string, EmbeddedImage>> {
  const unique = [...new Set(srcs)];
  const loaded = await Promise.all(unique.map(async (src) => [src, await loadMediaImage(src)] as const));
  return new Map(loaded.filter((entry): entry is [string, EmbeddedImage] => entry[1] !== null));
}

/** Every image src in a stored (sanitized) body. */
export function imageSources(bodyHtml: string): string[] {
  return [...bodyHtml.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
}
