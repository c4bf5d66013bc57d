"use client";

import type { Editor } from "@tiptap/core";
import { useId, useState } from "react";
import type { MediaItem } from "@/lib/media/library";
import { Dialog } from "./dialog";
import { IMAGE_WIDTHS_PERCENT } from "./extensions";
import { insertBlocks } from "./insert";
import { MediaPicker } from "./media-picker";
import { uploadFile } from "./upload-client";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

interface Picked {
  src: string;
  srcset: string;
  mediaId: number;
  alt: string;
}

/**
 * Inserts a picture (uploaded now or taken from the library) or edits the selected
 * one: description (替代文字, required — screen readers and search read it), caption
 * (图注) and width.
 */
export function ImageDialog({ editor, open, onClose, mode }: { editor: Editor; open: boolean; onClose: () => void; mode: "insert" | "edit" }) {
  return open ? <ImageForm editor={editor} onClose={onClose} mode={mode} /> : null;
}

function ImageForm({ editor, onClose, mode }: { editor: Editor; onClose: () => void; mode: "insert" | "edit" }) {
  const current = mode === "edit" ? editor.getAttributes("image") : {};
  const [picked, setPicked] = useState<Picked | null>(mode === "edit" ? { src: current.src, srcset: current.srcset ?? "", mediaId: current.mediaId, alt: current.alt ?? "" } : null);
  const [tab, setTab] = useState<"upload" | "library">("upload");
  const tabsId = useId();
  const [alt, setAlt] = useState<string>(current.alt ?? "");
  const [caption, setCaption] = useState<string>(current.caption ?? "");
  const [width, setWidth] = useState<number>(current.widthPercent ?? 100);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState("");
  const [altMissing, setAltMissing] = useState(false);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setError("");
    setUploading(true);
    try {
      const media = await uploadFile(file, file.name, "image", alt);
      if (media.kind !== "image") throw new Error(t.editor.notAnImage);
      setPicked({ src: media.src, srcset: media.srcset, mediaId: media.id, alt: media.alt });
      if (!alt && media.alt) setAlt(media.alt);
    } catch (e) {
      setError(fill(t.editor.uploadFailed, { reason: (e as Error).message }));
    } finally {
      setUploading(false);
    }
  }

  function fromLibrary(item: MediaItem) {
    setPicked({ src: item.src, srcset: item.srcset, mediaId: item.id, alt: item.alt });
    if (!alt && item.alt) setAlt(item.alt);
  }

  function apply(e: React.FormEvent) {
    e.preventDefault();
    if (!picked) return setError(t.editor.pickImageFirst);
    if (!alt.trim()) {
      setAltMissing(true);
      return;
    }
    const attrs = { src: picked.src, srcset: picked.srcset || null, mediaId: picked.mediaId, alt: alt.trim(), caption: caption.trim(), widthPercent: width };
    if (mode === "edit") editor.chain().focus().updateAttributes("image", attrs).run();
    else insertBlocks(editor, [{ type: "image", attrs }]);
    onClose();
  }

  return (
    <Dialog
      open
      wide
      title={mode === "edit" ? t.editor.imageInfo : t.editor.insertImage}
      onClose={onClose}
      testId="image-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="submit" form="image-form" className="button button-primary" disabled={uploading || !picked}>
            {mode === "edit" ? t.editor.ok : t.editor.insert}
          </button>
        </>
      }
    >
      <form id="image-form" className="image-form" onSubmit={apply}>
        <div className="image-form-source">
          <div
            className="tabs"
            role="tablist"
            aria-label={t.editor.imageSource}
            onKeyDown={(e) => {
              // The APG tabs pattern: one tab stop, the arrow keys switch (and focus) the other tab.
              if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) return;
              e.preventDefault();
              const next = tab === "upload" ? "library" : "upload";
              const to = e.key === "Home" ? "upload" : e.key === "End" ? "library" : next;
              setTab(to);
              e.currentTarget.querySelector<HTMLElement>(`#${CSS.escape(`${tabsId}-${to}`)}`)?.focus();
            }}
          >
            <button type="button" role="tab" id={`${tabsId}-upload`} aria-controls={`${tabsId}-panel`} aria-selected={tab === "upload"} tabIndex={tab === "upload" ? 0 : -1} onClick={() => setTab("upload")}>
              {mode === "edit" ? t.editor.uploadReplace : t.editor.uploadImage}
            </button>
            <button type="button" role="tab" id={`${tabsId}-library`} aria-controls={`${tabsId}-panel`} aria-selected={tab === "library"} tabIndex={tab === "library" ? 0 : -1} onClick={() => setTab("library")}>
              {t.editor.fromLibrary}
            </button>
          </div>
          <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${tab}`}>
            {tab === "upload" ? (
              <label className="upload-drop">
                <input type="file" accept="image/jpeg,image/png,image/gif,image/webp,image/avif,image/tiff" onChange={(e) => onFile(e.target.files?.[0])} disabled={uploading} />
                <span>{uploading ? t.editor.uploadingImage : t.editor.chooseImage}</span>
              </label>
            ) : (
              <MediaPicker onPick={fromLibrary} selectedId={picked?.mediaId} />
            )}
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="image-form-details">
          {picked ? (
            // eslint-disable-next-line @next/next/no-img-element -- preview of our own rendition
            <img className="image-form-preview" src={picked.src} alt="" />
          ) : (
            <div className="image-form-preview is-empty">{t.editor.noImageYet}</div>
          )}
          <label className="field">
            <span>
              {t.editor.alt} <span className="gov-required">*</span>
            </span>
            <input
              value={alt}
              // Editing a picture is mostly filling in its description: start there.
              data-autofocus={mode === "edit" ? "" : undefined}
              maxLength={200}
              onChange={(e) => {
                setAlt(e.target.value);
                setAltMissing(false);
              }}
              aria-invalid={altMissing}
              aria-describedby="alt-hint"
              placeholder={t.editor.altPlaceholder}
            />
            <span id="alt-hint" className={altMissing ? "field-error" : "field-hint"}>
              {altMissing ? t.editor.altRequired : t.editor.altHint}
            </span>
          </label>
          <label className="field">
            <span>{t.editor.caption}</span>
            <input value={caption} maxLength={200} onChange={(e) => setCaption(e.target.value)} placeholder={t.editor.captionPlaceholder} />
          </label>
          <label className="field">
            <span>{t.editor.width}</span>
            <select value={width} onChange={(e) => setWidth(Number(e.target.value))}>
              {IMAGE_WIDTHS_PERCENT.map((w) => (
                <option key={w} value={w}>
                  {w === 100 ? t.editor.fullWidth : `${w}%`}
                </option>
              ))}
            </select>
          </label>
        </div>
      </form>
    </Dialog>
  );
}
