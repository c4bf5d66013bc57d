"use client";

import type { Editor } from "@tiptap/core";
import { useState } from "react";
import type { MediaItem } from "@/lib/media/library";
import { Dialog } from "./dialog";
import { IMAGE_WIDTHS_PERCENT } from "./extensions";
import { MediaPicker } from "./media-picker";
import { uploadFile } from "./upload-client";

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
      if (media.kind !== "image") throw new Error("上传结果不是图片");
      setPicked({ src: media.src, srcset: media.srcset, mediaId: media.id, alt: media.alt });
      if (!alt && media.alt) setAlt(media.alt);
    } catch (e) {
      setError(`上传失败：${(e as Error).message}`);
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
    if (!picked) return setError("请先上传或选择一张图片。");
    if (!alt.trim()) {
      setAltMissing(true);
      return;
    }
    const attrs = { src: picked.src, srcset: picked.srcset || null, mediaId: picked.mediaId, alt: alt.trim(), caption: caption.trim(), widthPercent: width };
    if (mode === "edit") editor.chain().focus().updateAttributes("image", attrs).run();
    else editor.chain().focus().insertContent({ type: "image", attrs }).run();
    onClose();
  }

  return (
    <Dialog
      open
      wide
      title={mode === "edit" ? "图片信息" : "插入图片"}
      onClose={onClose}
      testId="image-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            取消
          </button>
          <button type="submit" form="image-form" className="button button-primary" disabled={uploading || !picked}>
            {mode === "edit" ? "确定" : "插入"}
          </button>
        </>
      }
    >
      <form id="image-form" className="image-form" onSubmit={apply}>
        <div className="image-form-source">
          <div className="tabs" role="tablist" aria-label="图片来源">
            <button type="button" role="tab" aria-selected={tab === "upload"} onClick={() => setTab("upload")}>
              {mode === "edit" ? "上传新图片替换" : "上传图片"}
            </button>
            <button type="button" role="tab" aria-selected={tab === "library"} onClick={() => setTab("library")}>
              从媒体库选择
            </button>
          </div>
          {tab === "upload" ? (
            <label className="upload-drop">
              <input type="file" accept="image/jpeg,image/png,image/gif,image/webp,image/avif,image/tiff" onChange={(e) => onFile(e.target.files?.[0])} disabled={uploading} />
              <span>{uploading ? "正在上传并处理图片…" : "点击选择图片文件（JPG、PNG、GIF、WebP，20 MB 以内）"}</span>
            </label>
          ) : (
            <MediaPicker onPick={fromLibrary} selectedId={picked?.mediaId} />
          )}
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
            <div className="image-form-preview is-empty">尚未选择图片</div>
          )}
          <label className="field">
            <span>
              替代文字 <span className="gov-required">*</span>
            </span>
            <input
              value={alt}
              maxLength={200}
              onChange={(e) => {
                setAlt(e.target.value);
                setAltMissing(false);
              }}
              aria-invalid={altMissing}
              aria-describedby="alt-hint"
              placeholder="描述图片内容，如：市政府常务会议现场"
            />
            <span id="alt-hint" className={altMissing ? "field-error" : "field-hint"}>
              {altMissing ? "请填写替代文字：看不到图片的读者靠它了解图片内容。" : "供读屏软件朗读、图片无法显示时替代显示。"}
            </span>
          </label>
          <label className="field">
            <span>图注</span>
            <input value={caption} maxLength={200} onChange={(e) => setCaption(e.target.value)} placeholder="显示在图片下方（可选）" />
          </label>
          <label className="field">
            <span>显示宽度</span>
            <select value={width} onChange={(e) => setWidth(Number(e.target.value))}>
              {IMAGE_WIDTHS_PERCENT.map((w) => (
                <option key={w} value={w}>
                  {w === 100 ? "通栏（100%）" : `${w}%`}
                </option>
              ))}
            </select>
          </label>
        </div>
      </form>
    </Dialog>
  );
}
