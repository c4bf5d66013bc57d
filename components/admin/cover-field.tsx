"use client";

import { useState } from "react";
import { Dialog } from "@/components/editor/dialog";
import { MediaPicker } from "@/components/editor/media-picker";
import { uploadFile } from "@/components/editor/upload-client";
import type { MediaItem } from "@/lib/media/library";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

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
      if (media.kind !== "image") throw new Error(t.editor.notAnImage);
      onChange({ id: media.id, kind: "IMAGE", name: media.name, alt: media.alt, mimeType: "image/jpeg", size: 0, width: media.width, height: media.height, createdAt: new Date().toISOString(), uploadedBy: "", src: media.src, srcset: media.srcset, thumb: media.src });
      setOpen(false);
    } catch (e) {
      setError(fill(t.editor.uploadFailed, { reason: (e as Error).message }));
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
        <div className="cover-preview is-empty">{t.articlesAdmin.noCover}</div>
      )}
      <div className="button-row">
        <button type="button" className="button button-small" disabled={disabled} onClick={() => setOpen(true)}>
          {cover ? t.articlesAdmin.changeCover : t.articlesAdmin.chooseCover}
        </button>
        {cover && (
          <button type="button" className="button button-small" disabled={disabled} onClick={() => onChange(null)}>
            {t.articlesAdmin.removeCover}
          </button>
        )}
      </div>
      <Dialog open={open} wide title={t.articlesAdmin.coverDialog} onClose={() => setOpen(false)} testId="cover-dialog">
        <div className="cover-dialog">
          <label className="upload-drop upload-drop-small">
            <input type="file" accept="image/jpeg,image/png,image/gif,image/webp" disabled={busy} onChange={(e) => upload(e.target.files?.[0])} />
            <span>{busy ? t.articlesAdmin.uploading : t.articlesAdmin.uploadCover}</span>
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
