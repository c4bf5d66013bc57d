import sharp from "sharp";

/** Widths the public site asks for; no rendition is wider than the original. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
const MAX_PIXELS = 60_000_000;

export interface ImageRendition {
  width: number;
  height: number;
  format: "webp" | "jpeg";
  data: Buffer;
}

export interface ProcessedImage {
  width: number;
  height: number;
  /** WebP at each width, and one JPEG fallback at the largest. */
  renditions: ImageRendition[];
}

/**
 * Re-encodes an uploaded image. Decoding proves it is an image (whatever its name
 * says); re-encoding drops EXIF/GPS and anything hidden after the pixels.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const base = sharp(input, { limitInputPixels: MAX_PIXELS, failOn: "error" }).rotate();
  const meta = await base.metadata();
  if (!meta.width || !meta.height) throw new Error("not an image");
  // After rotate(), EXIF orientations 5–8 swap width and height.
  const swap = (meta.orientation ?? 1) >= 5;
  const width = swap ? meta.height : meta.width;
  const height = swap ? meta.width : meta.height;
  const widths = [...new Set(IMAGE_WIDTHS.map((w) => Math.min(w, width)))];
  const renditions: ImageRendition[] = [];
  for (const w of widths) {
    const data = await base.clone().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    renditions.push({ width: w, height: Math.round((height * w) / width), format: "webp", data });
  }
  const largest = widths[widths.length - 1];
  const jpeg = await base
    .clone()
    .resize({ width: largest, withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
  renditions.push({ width: largest, height: Math.round((height * largest) / width), format: "jpeg", data: jpeg });
  return { width, height, renditions };
}
