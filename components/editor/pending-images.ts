import type { Editor } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { UploadError, uploadFile } from "./upload-client";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import { droppedImagesMessage } from "@/lib/paste/dropped-message";
import { classifyImageSrc, countDropped, decodeDataImage, type UnusableReason } from "@/lib/paste/image-sources";

/**
 * Pictures pasted or dropped into the editor appear at once (as blob: or data: URLs)
 * and are uploaded in the background; when an upload finishes, every image with that
 * source gets the stored media's URLs. A save waits while any are pending (the server
 * refuses blob:/data: sources). Network failures are retried; a refused file is removed
 * and reported. A picture whose address can never be read (lib/paste/image-sources.ts:
 * another page's blob:, a file on another computer, a damaged data: URL) is removed at
 * once and reported, however it got here: nothing waits for an upload that cannot come.
 */
const files = new Map<string, File>();

/** Is this blob: address one of the files pasted or dropped into this page? */
export function isOwnImageFile(src: string): boolean {
  return files.has(src);
}

/** Shows a local file in the editor now; the uploader picks it up from here. */
export function localImageSrc(file: File): string {
  const url = URL.createObjectURL(file);
  files.set(url, file);
  return url;
}

export interface UploaderEvents {
  onError(message: string): void;
  onChange(pending: number): void;
}

/** The document's pictures still to upload, and those that never can be, by source. */
function sourcesIn(doc: ProseMirrorNode): { pending: Set<string>; unusable: Map<string, UnusableReason> } {
  const pending = new Set<string>();
  const unusable = new Map<string, UnusableReason>();
  doc.descendants((node) => {
    if (node.type.name !== "image") return true;
    const src = String(node.attrs.src ?? "");
    const verdict = classifyImageSrc(src, isOwnImageFile);
    if (verdict.kind === "upload") pending.add(src);
    else if (verdict.kind === "unusable") unusable.set(src, verdict.reason);
    return true;
  });
  return { pending, unusable };
}

function blobOf(src: string): { blob: Blob; name: string } {
  const file = files.get(src);
  if (file) return { blob: file, name: file.name || `${t.editor.pastedImage}.png` };
  // Decoded here, not fetched: a damaged data: URL is refused at once instead of retried for ever.
  const data = decodeDataImage(src);
  if (!data) throw new UploadError(t.editor.imageDamaged, false);
  const ext = data.type.split("/")[1]?.replace("jpeg", "jpg") || "png";
  return { blob: new Blob([data.bytes as BlobPart], { type: data.type }), name: `${t.editor.pastedImage}.${ext}` };
}

export class PendingImageUploader {
  private inFlight = new Set<string>();
  private retryAt = new Map<string, { at: number; attempt: number }>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly editor: Editor,
    private readonly events: UploaderEvents,
  ) {}

  pendingCount(): number {
    return sourcesIn(this.editor.state.doc).pending.size;
  }

  /** Looks for pictures to upload, and drops those that cannot be; called after every change of the document. */
  scan(): void {
    const { pending, unusable } = sourcesIn(this.editor.state.doc);
    if (unusable.size) {
      // After the change being handled, not inside it.
      queueMicrotask(() => {
        for (const src of unusable.keys()) this.replace(src, null);
        this.events.onError(droppedImagesMessage(countDropped([...unusable.values()])));
      });
    }
    this.events.onChange(pending.size);
    for (const src of pending) {
      const retry = this.retryAt.get(src);
      if (this.inFlight.has(src) || (retry && retry.at > Date.now())) continue;
      void this.upload(src);
    }
  }

  private async upload(src: string): Promise<void> {
    this.inFlight.add(src);
    try {
      const { blob, name } = blobOf(src);
      const media = await uploadFile(blob, name, "image");
      if (media.kind !== "image") throw new UploadError(t.editor.notAnImage, false);
      this.replace(src, (attrs) => ({ ...attrs, src: media.src, srcset: media.srcset, mediaId: media.id, alt: attrs.alt || media.alt }));
      this.forget(src);
    } catch (error) {
      const retryable = !(error instanceof UploadError) || error.retryable;
      if (retryable) {
        const attempt = (this.retryAt.get(src)?.attempt ?? 0) + 1;
        const delay = Math.min(30_000, 1000 * 2 ** attempt);
        this.retryAt.set(src, { at: Date.now() + delay, attempt });
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.scan(), delay);
        this.events.onError(fill(t.editor.imageRetrying, { reason: (error as Error).message }));
      } else {
        this.replace(src, null);
        this.forget(src);
        this.events.onError(fill(t.editor.imageRefused, { reason: (error as Error).message }));
      }
    } finally {
      this.inFlight.delete(src);
      if (!this.editor.isDestroyed) this.events.onChange(this.pendingCount());
    }
  }

  /** Gives every image with this source new attributes, or removes it (null); not an undo step. */
  private replace(src: string, update: ((attrs: Record<string, unknown>) => Record<string, unknown>) | null): void {
    if (this.editor.isDestroyed) return;
    const { state, view } = this.editor;
    const tr = state.tr;
    const positions: { pos: number; node: ProseMirrorNode }[] = [];
    state.doc.descendants((node, pos) => {
      if (node.type.name === "image" && node.attrs.src === src) positions.push({ pos, node });
      return true;
    });
    for (const { pos, node } of positions.reverse()) {
      if (update) tr.setNodeMarkup(pos, undefined, update(node.attrs));
      else tr.delete(pos, pos + node.nodeSize);
    }
    if (positions.length) view.dispatch(tr.setMeta("addToHistory", false));
  }

  private forget(src: string): void {
    // The file stays registered: an undo/redo can bring the local picture back, and it then uploads again (deduplicated).
    this.retryAt.delete(src);
  }

  destroy(): void {
    clearTimeout(this.timer);
  }
}
