import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { createAttachmentMedia, displayName } from "@/lib/media/attachments";
import { createImageMedia, toStoredImage, type ImageVariant, type StoredImage } from "@/lib/media/mutations";
import { sniffAttachment, sniffImage } from "@/lib/media/sniff";
import { mediaStorage } from "@/lib/media/storage";
import { importText } from "./text";

/**
 * An imported item's files, stored through the media pipeline — by their bytes, never
 * by name or declared type (sniff.ts), pictures re-encoded with their renditions,
 * everything deduplicated by SHA-256 — owned by the administrator who runs the import.
 * The pipeline writes a file and its Media row outside any transaction, so this keeps
 * what it created for the item: if the item then fails, `discard` removes exactly those
 * (files and rows), never a file that was already in the library.
 */
export type StoredFile = { ok: true; id: number; created: boolean } | { ok: false; reason: string };

export class ItemMedia {
  private readonly created: { id: number; keys: string[] }[] = [];

  constructor(private readonly ownerId: number) {}

  get createdCount(): number {
    return this.created.length;
  }

  async image(bytes: Uint8Array, name: string, alt = ""): Promise<({ ok: true } & StoredImage) | { ok: false; reason: string }> {
    const sniffed = sniffImage(bytes);
    if (!sniffed.ok) return { ok: false, reason: /SVG|HEIC/.test(sniffed.error) ? sniffed.error : importText.problems.notPicture };
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    const existing = await db().media.findFirst({ where: { sha256, kind: "IMAGE" }, orderBy: { id: "asc" } });
    if (existing?.width && existing.height) {
      return { ok: true, ...toStoredImage(existing.id, existing.variants as unknown as ImageVariant[], existing.width, existing.height, existing.alt) };
    }
    let stored: StoredImage;
    try {
      stored = await createImageMedia({ data: Buffer.from(bytes), originalName: displayName(name), alt: alt.slice(0, 200), uploadedById: this.ownerId });
    } catch (error) {
      // sharp refuses what it cannot decode: a truncated or disguised file.
      return { ok: false, reason: `${importText.problems.notPicture}（${(error as Error).message.slice(0, 80)}）` };
    }
    const row = await db().media.findUniqueOrThrow({ where: { id: stored.id }, select: { variants: true } });
    this.created.push({ id: stored.id, keys: (row.variants as unknown as ImageVariant[]).map((v) => v.key) });
    return { ok: true, ...stored };
  }

  async attachment(bytes: Uint8Array, name: string): Promise<{ ok: true; id: number; name: string; href: string } | { ok: false; reason: string }> {
    const clean = displayName(name);
    const sniffed = sniffAttachment(bytes, clean);
    if (!sniffed.ok) return { ok: false, reason: sniffed.error || importText.problems.notAttachment };
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    const before = await db().media.findMany({ where: { sha256, kind: "ATTACHMENT" }, select: { id: true } });
    // The administrator sees the whole library: the same file already there is reused.
    const stored = await createAttachmentMedia({ data: bytes, originalName: clean, ext: sniffed.value, uploadedById: this.ownerId, reuse: {} });
    if (!before.some((m) => m.id === stored.id)) {
      const row = await db().media.findUniqueOrThrow({ where: { id: stored.id }, select: { storageKey: true } });
      this.created.push({ id: stored.id, keys: [row.storageKey] });
    }
    return { ok: true, id: stored.id, name: stored.name, href: stored.href };
  }

  /** Removes what this item created (its article was not written). */
  async discard(): Promise<void> {
    for (const { id, keys } of this.created.splice(0)) {
      await db().media.deleteMany({ where: { id, attachments: { none: {} }, coverOf: { none: {} }, uses: { none: {} } } });
      const still = await db().media.count({ where: { id } });
      if (!still) for (const key of keys) await mediaStorage().remove(key);
    }
  }
}
