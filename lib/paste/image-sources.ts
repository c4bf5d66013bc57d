/**
 * What a picture's address in the editor is good for. Pictures arrive by paste from
 * everywhere — Word, WeChat, web pages, and other ProseMirror editors whose copies skip
 * the paste cleaner (data-pm-slice) — and some carry addresses nobody can fetch: a
 * file on the copying computer, a blob: of another page, a relative path of another
 * site, a damaged data: URL. Such a picture can never be uploaded, so it must not be
 * waited for (the save would wait for ever) nor stored (the server would refuse it
 * for ever): it is dropped, and the editor is told why. Pure: the browser editor, the
 * paste cleaner and the server's save check all classify with it.
 */
export type UnusableReason = "local-file" | "other-page" | "damaged-data" | "unknown-address";

export type ImageSourceKind =
  /** On this site (a path) or on the web (http/https): stored as it is. */
  | { kind: "ready" }
  /** The picture's bytes are here (a data: image, or a blob: this editor made): upload them. */
  | { kind: "upload" }
  | { kind: "unusable"; reason: UnusableReason };

/** Raster types the upload accepts (lib/media/sniff.ts), as data: URL media types. */
const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif|tiff?);base64,[a-z0-9+/\s]+={0,2}\s*$/i;

/**
 * @param ownBlob whether a blob: address is one of this editor's own pasted files (only the
 *   browser editor knows; elsewhere every blob: counts as the editor's, i.e. still uploading).
 */
export function classifyImageSrc(src: unknown, ownBlob: (src: string) => boolean = () => true): ImageSourceKind {
  const value = typeof src === "string" ? src.trim() : "";
  // A site path ("/media/…"), not "//host" or "/\host" (another site, the browser's reading).
  if (/^\/(?![/\\])/.test(value) || /^https?:\/\/[^/\\]/i.test(value)) return { kind: "ready" };
  if (/^data:/i.test(value)) return DATA_IMAGE.test(value) ? { kind: "upload" } : { kind: "unusable", reason: "damaged-data" };
  if (/^blob:/i.test(value)) return ownBlob(value) ? { kind: "upload" } : { kind: "unusable", reason: "other-page" };
  if (/^file:/i.test(value) || /^[a-z]:[\\/]/i.test(value) || value.startsWith("\\\\")) return { kind: "unusable", reason: "local-file" };
  return { kind: "unusable", reason: "unknown-address" };
}

/** The bytes of a data: image URL the classifier accepted, or null when they do not decode. */
export function decodeDataImage(src: string): { bytes: Uint8Array; type: string } | null {
  const match = /^data:(image\/[a-z+.-]+);base64,([\s\S]*)$/i.exec(src.trim());
  if (!match || !DATA_IMAGE.test(src.trim())) return null;
  try {
    const binary = atob(match[2].replace(/\s+/g, ""));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.length ? { bytes, type: match[1].toLowerCase() } : null;
  } catch {
    return null;
  }
}

/** Counts of dropped pictures by reason, in a fixed order for messages. */
export type DroppedImages = Partial<Record<UnusableReason, number>>;

export const UNUSABLE_REASONS: UnusableReason[] = ["local-file", "other-page", "damaged-data", "unknown-address"];

export function countDropped(reasons: UnusableReason[]): DroppedImages {
  const counts: DroppedImages = {};
  for (const r of reasons) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}
