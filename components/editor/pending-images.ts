import type { Editor } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { UploadError, uploadFile } from "./upload-client";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

/**
 * Pictures pasted or dropped into the editor appear at once (as blob: or data: URLs)
 * and are uploaded in the background; when an upload finishes, every image with that
 * source gets the stored media's URLs. A save waits while any are pending (the server
 * refuses blob:/data: sources). Network failures are retried; a refused file is removed
 * and reported.
 */
const files = new Map<string, File>();

export function isPendingSrc(src: unknown): boolean {
  return typeof src === "string" && /^(blob:|data:)/i.test(src);
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

function pendingSources(doc: ProseMirrorNode): Set<string> {
  const found = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === "image" && isPendingSrc(node.attrs.src)) found.add(node.attrs.src);
    return true;
  });
  return found;
}

async function blobOf(src: string): Promise<{ blob: Blob; name: string }> {
  const file = files.get(src);
  if (file) return { blob: file, name: file.name || `${t.editor.pastedImage}.png` };
  if (src.startsWith("blob:")) throw new UploadError(t.editor.imageExpired, false);
  const blob = await (await fetch(src)).blob();
  const ext = blob.type.split("/")[1]?.replace("jpeg", "jpg") || "png";
  return { blob, name: `${t.editor.pastedImage}.${ext}` };
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
    return pendingSources(this.editor.state.doc).size;
  }

  /** Looks for pictures to upload; called after every change of the document. */
  scan(): void {
    const sources = pendingSources(this.editor.state.doc);
    this.events.onChange(sources.size);
    for (const src of sources) {
      const retry = this.retryAt.get(src);
      if (this.inFlight.has(src) || (retry && retry.at > Date.now())) continue;
      void this.upload(src);
    }
  }

  private async upload(src: string): Promise<void> {
    this.inFlight.add(src);
    try {
      const { blob, name } = await blobOf(src);
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
