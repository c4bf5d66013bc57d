import { mediaUrl } from "./storage";

/**
 * How a stored image is shown: the JPEG fallback as src, the WebP renditions as srcset.
 * Pure (no image processing), so the public read path can use it without loading sharp.
 */
export interface ImageVariant {
  width: number;
  key: string;
  mimeType: string;
}

export interface StoredImage {
  id: number;
  src: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
}

export function toStoredImage(id: number, variants: ImageVariant[], width: number, height: number, alt: string): StoredImage {
  const fallback = variants.find((v) => v.mimeType === "image/jpeg") ?? variants[variants.length - 1];
  const srcset = variants
    .filter((v) => v.mimeType === "image/webp")
    .map((v) => `${mediaUrl(v.key)} ${v.width}w`)
    .join(", ");
  return { id, src: mediaUrl(fallback.key), srcset, width, height, alt };
}
