import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { processImage } from "./images";
import { mediaStorage } from "./storage";
import { toStoredImage, type ImageVariant, type StoredImage } from "./stored-image";

export { toStoredImage, type ImageVariant, type StoredImage } from "./stored-image";

/** Stores an image's renditions and records it in the media library. */
export async function createImageMedia(input: {
  data: Buffer;
  originalName: string;
  alt?: string;
  uploadedById: number | null;
}): Promise<StoredImage> {
  const sha256 = crypto.createHash("sha256").update(input.data).digest("hex");
  const image = await processImage(input.data);
  const folder = `images/${new Date().getUTCFullYear()}/${crypto.randomUUID()}`;
  const variants: ImageVariant[] = [];
  for (const r of image.renditions) {
    const key = `${folder}/w${r.width}.${r.format === "webp" ? "webp" : "jpg"}`;
    await mediaStorage().put(key, r.data);
    variants.push({ width: r.width, key, mimeType: `image/${r.format}` });
  }
  const fallback = variants.find((v) => v.mimeType === "image/jpeg")!;
  const media = await db().media.create({
    data: {
      kind: "IMAGE",
      storageKey: fallback.key,
      originalName: input.originalName.slice(0, 255),
      mimeType: "image/jpeg",
      size: image.renditions.find((r) => r.format === "jpeg")!.data.length,
      width: image.width,
      height: image.height,
      variants: variants as unknown as object,
      alt: input.alt ?? "",
      sha256,
      uploadedById: input.uploadedById,
    },
  });
  return toStoredImage(media.id, variants, image.width, image.height, media.alt);
}
