"use client";

import { useState } from "react";
import { Dialog } from "@/components/editor/dialog";
import { MediaPicker } from "@/components/editor/media-picker";
import { uploadFile } from "@/components/editor/upload-client";
import type { MediaItem } from "@/lib/media/library";

/** 封面图片: used by listings and link previews. Picked from the library or uploaded. */
export function CoverField({ cover, onChange, disabled }: { cover: MediaItem | null; onChange: (item: MediaItem | null) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  async function upload(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError("");
    try {
      const media = await uploadFile(file, file.name, "image");
      if (media.kind !== "image") throw new Error("不是图片");
      onChange({ id: media.id, kind: "IMAGE", name: media.name, alt: media.alt, mimeType: "image/jpeg", size: 0, width: media.width, height: media.height, createdAt: new Date().toISOString(), uploadedBy: "", src: media.src, srcset: media.srcset, thumb: media.src });
      setOpen(false);
    } catch (e) {
      setError(`上传失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="cover-field">
      {cover ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own rendition
        <img className="cover-preview" src={cover.thumb} alt={cover.alt || cover.name} />
      ) : (
        <div className="cover-preview is-empty">未设置封面</div>
      )}
      <div className="button-row">
        <button type="button" className="button button-small" disabled={disabled} onClick={() => setOpen(true)}>
          {cover ? "更换封面" : "选择封面"}
        </button>
        {cover && (
          <button type="button" className="button button-small" disabled={disabled} onClick={() => onChange(null)}>
            移除
          </button>
        )}
      </div>
      <Dialog open={open} wide title="选择封面图片" onClose={() => setOpen(false)} testId="cover-dialog">
        <div className="cover-dialog">
          <label className="upload-drop upload-drop-small">
            <input type="file" accept="image/jpeg,image/png,image/gif,image/webp" disabled={busy} onChange={(e) => upload(e.target.files?.[0])} />
            <span>{busy ? "正在上传…" : "上传新图片作为封面"}</span>
          </label>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <MediaPicker
            selectedId={cover?.id}
            onPick={(item) => {
              onChange(item);
              setOpen(false);
            }}
          />
        </div>
      </Dialog>
    </div>
  );
}
