import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { cleanPastedHtml, type PasteReport } from "@/lib/paste/clean";
import { dropUnusablePastedImages } from "@/lib/paste/foreign-slice";
import { countDropped, type DroppedImages } from "@/lib/paste/image-sources";
import { insertBlocks } from "./insert";
import { isOwnImageFile, localImageSrc } from "./pending-images";

export interface PasteHandlingOptions {
  /** What the cleanup of a paste from Word, WPS, WeChat or a web page did. */
  onReport: (report: PasteReport) => void;
  /** Files dropped or pasted that are not pictures: candidates for the attachment list. */
  onOtherFiles: (files: File[]) => void;
  /** Pictures of a paste from another editor that could not be kept, by reason. */
  onDroppedImages: (dropped: DroppedImages) => void;
}

/** Inserts local picture files; they show at once and upload in the background. */
export function insertImageFiles(editor: Editor, files: File[], at?: number): void {
  insertBlocks(editor, files.map((file) => ({ type: "image", attrs: { src: localImageSrc(file), alt: "" } })), at);
}

/**
 * Paste and drop, the way editors work: HTML from elsewhere is cleaned before the
 * editor reads it (what we copied from ourselves is kept as it is); pictures in the
 * clipboard or dropped from the desktop are inserted and uploaded; other files are
 * offered as attachments.
 */
export const PasteHandling = Extension.create<PasteHandlingOptions>({
  name: "pasteHandling",
  addOptions() {
    return { onReport: () => {}, onOtherFiles: () => {}, onDroppedImages: () => {} };
  },
  addProseMirrorPlugins() {
    const { options, editor } = this;
    return [
      new Plugin({
        key: new PluginKey("pasteHandling"),
        props: {
          transformPastedHTML(html) {
            // ProseMirror marks what it copied (from us or another ProseMirror editor): that is
            // already clean, but its pictures may point where nothing can be read.
            if (html.includes("data-pm-slice")) {
              const kept = dropUnusablePastedImages(html, isOwnImageFile);
              if (kept.dropped.length) options.onDroppedImages(countDropped(kept.dropped));
              return kept.html;
            }
            const cleaned = cleanPastedHtml(html);
            options.onReport(cleaned.report);
            return cleaned.html;
          },
          handlePaste(_view, event) {
            const data = event.clipboardData;
            // With HTML present the files are a picture *of* the copied text (Excel, some Word versions): use the HTML.
            if (!data || data.types.includes("text/html")) return false;
            const images = Array.from(data.files).filter((f) => f.type.startsWith("image/"));
            if (!images.length) return false;
            insertImageFiles(editor, images);
            return true;
          },
          handleDrop(view, event, _slice, moved) {
            const dropped = Array.from(event.dataTransfer?.files ?? []);
            if (moved || !dropped.length) return false;
            event.preventDefault();
            const images = dropped.filter((f) => f.type.startsWith("image/"));
            const others = dropped.filter((f) => !f.type.startsWith("image/"));
            if (images.length) {
              const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
              insertImageFiles(editor, images, at);
            }
            if (others.length) options.onOtherFiles(others);
            return true;
          },
        },
      }),
    ];
  },
});
