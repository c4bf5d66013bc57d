import crypto from "node:crypto";
import { db, type Prisma } from "@/lib/db/client";
import { ATTACHMENT_TYPES, type AttachmentExt } from "./sniff";
import { mediaStorage, mediaUrl } from "./storage";

export interface StoredAttachment {
  id: number;
  name: string;
  mimeType: string;
  size: number;
  href: string;
}

/**
 * Stores an attachment whose type was proven by its bytes (sniffAttachment) under a
 * generated key; the uploaded name is kept only as the display name. The same file
 * uploaded twice is stored once, when the earlier one is among `reuse` (the media the
 * uploader may see: lib/media/access.ts).
 */
export async function createAttachmentMedia(input: {
  data: Uint8Array;
  originalName: string;
  ext: AttachmentExt;
  uploadedById: number | null;
  reuse: Prisma.MediaWhereInput;
}): Promise<StoredAttachment> {
  const sha256 = crypto.createHash("sha256").update(input.data).digest("hex");
  const name = displayName(input.originalName);
  const existing = await db().media.findFirst({ where: { AND: [{ sha256, kind: "ATTACHMENT", mimeType: ATTACHMENT_TYPES[input.ext].mime }, input.reuse] } });
  if (existing) return toStoredAttachment(existing, name);
  const key = `files/${new Date().getUTCFullYear()}/${crypto.randomUUID()}.${input.ext}`;
  await mediaStorage().put(key, Buffer.from(input.data));
  const media = await db().media.create({
    data: {
      kind: "ATTACHMENT",
      storageKey: key,
      originalName: name,
      mimeType: ATTACHMENT_TYPES[input.ext].mime,
      size: input.data.length,
      sha256,
      uploadedById: input.uploadedById,
    },
  });
  return toStoredAttachment(media, name);
}

function toStoredAttachment(m: { id: number; storageKey: string; mimeType: string; size: number }, name: string): StoredAttachment {
  return { id: m.id, name, mimeType: m.mimeType, size: m.size, href: mediaUrl(m.storageKey) };
}

/** A file name fit to show: no folders (some browsers send them), no control characters. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200) || "附件";
}
