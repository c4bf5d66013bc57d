"use client";

import { useState } from "react";
import { fileTypeLabel, formatFileSize } from "@/lib/export/file-info";
import type { MediaItem } from "@/lib/media/library";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

export interface AttachmentUpload {
  key: string;
  name: string;
  error?: string;
}

interface Props {
  attachments: { mediaId: number; name: string }[];
  media: Record<number, MediaItem>;
  uploads: AttachmentUpload[];
  onChange: (attachments: { mediaId: number; name: string }[]) => void;
  onFiles: (files: File[]) => void;
  onDismiss: (key: string) => void;
  disabled?: boolean;
}

const ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.wps,.et,.ofd,.zip";

/** 附件: uploaded files listed under the article with their type and size; renamed, reordered, removed here. */
export function AttachmentsField({ attachments, media, uploads, onChange, onFiles, onDismiss, disabled }: Props) {
  const [over, setOver] = useState(false);
  const move = (i: number, by: number) => {
    const next = [...attachments];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item);
    onChange(next);
  };
  return (
    <div
      className={`attachments-field${over ? " is-over" : ""}`}
      onDragOver={(e) => {
        if (disabled || !e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        if (disabled || !e.dataTransfer.files.length) return;
        e.preventDefault();
        onFiles(Array.from(e.dataTransfer.files));
      }}
    >
      {attachments.length > 0 && (
        <ol className="attachment-list" data-testid="attachment-list">
          {attachments.map((a, i) => {
            const m = media[a.mediaId];
            return (
              <li key={a.mediaId}>
                <input
                  aria-label={fill(t.articlesAdmin.attachmentName, { n: i + 1 })}
                  value={a.name}
                  maxLength={200}
                  disabled={disabled}
                  onChange={(e) => onChange(attachments.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                />
                <span className="attachment-meta">{m ? `${fileTypeLabel(m.mimeType, m.name)} · ${formatFileSize(m.size)}` : t.articlesAdmin.attachments}</span>
                <span className="attachment-tools">
                  <button type="button" className="button-link" aria-label={fill(t.articlesAdmin.moveUp, { name: a.name })} disabled={disabled || i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="button-link" aria-label={fill(t.articlesAdmin.moveDown, { name: a.name })} disabled={disabled || i === attachments.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="button-link is-danger" aria-label={fill(t.articlesAdmin.removeAttachment, { name: a.name })} disabled={disabled} onClick={() => onChange(attachments.filter((_, j) => j !== i))}>
                    {t.articlesAdmin.remove}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {uploads.map((u) => (
        <p key={u.key} className={u.error ? "field-error" : "muted"} role={u.error ? "alert" : undefined}>
          {u.error ? fill(t.articlesAdmin.attachmentFailed, { name: u.name, reason: u.error }) : fill(t.articlesAdmin.attachmentUploading, { name: u.name })}
          {u.error && (
            <button type="button" className="button-link" onClick={() => onDismiss(u.key)}>
              {t.articlesAdmin.dismiss}
            </button>
          )}
        </p>
      ))}
      <label className="upload-drop upload-drop-small">
        <input type="file" multiple accept={ACCEPT} disabled={disabled} onChange={(e) => (onFiles(Array.from(e.target.files ?? [])), (e.target.value = ""))} />
        <span>{t.articlesAdmin.attachmentDrop}</span>
      </label>
    </div>
  );
}
