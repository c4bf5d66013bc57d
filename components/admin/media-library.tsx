"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { uploadFile } from "@/components/editor/upload-client";
import { fileTypeLabel, formatFileSize } from "@/lib/export/file-info";
import { updateMediaAlt } from "@/lib/media/actions";
import type { MediaItem } from "@/lib/media/library";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

function AltEditor({ item }: { item: MediaItem }) {
  const a = t.articlesAdmin;
  const [alt, setAlt] = useState(item.alt);
  const [message, setMessage] = useState("");
  const [pending, start] = useTransition();
  const changed = alt.trim() !== item.alt;
  return (
    <form
      className="media-alt"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await updateMediaAlt({ id: item.id, alt });
          setMessage(result.ok ? a.saved : result.error);
        });
      }}
    >
      <input aria-label={fill(a.altOf, { name: item.name })} value={alt} maxLength={200} placeholder={a.altDefaultPlaceholder} onChange={(e) => (setAlt(e.target.value), setMessage(""))} />
      {changed && (
        <button type="submit" className="button button-small" disabled={pending}>
          {a.save}
        </button>
      )}
      {message && <span className="field-hint">{message}</span>}
    </form>
  );
}

/** The media library: everything uploaded, to find again, describe and reuse. */
export function MediaLibrary({ items }: { items: MediaItem[] }) {
  const a = t.articlesAdmin;
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function upload(files: File[], purpose: "image" | "attachment") {
    setBusy(true);
    const failures: string[] = [];
    for (const [i, file] of files.entries()) {
      setStatus(fill(a.uploadingN, { i: i + 1, n: files.length, name: file.name }));
      try {
        await uploadFile(file, file.name, purpose);
      } catch (e) {
        failures.push(fill(a.attachmentFailed, { name: file.name, reason: (e as Error).message }));
      }
    }
    setBusy(false);
    setFailed(failures.length > 0);
    setStatus(failures.length ? fill(a.uploadFailures, { list: failures.join("；") }) : fill(a.uploadedN, { n: files.length }));
    router.refresh();
  }

  return (
    <div className="media-library">
      <div className="button-row media-uploads">
        <label className="button button-primary">
          {a.uploadImages}
          <input hidden type="file" multiple accept="image/jpeg,image/png,image/gif,image/webp,image/avif,image/tiff" disabled={busy} onChange={(e) => void upload(Array.from(e.target.files ?? []), "image")} />
        </label>
        <label className="button">
          {a.uploadFiles}
          <input hidden type="file" multiple accept=".pdf,.doc,.docx,.xls,.xlsx,.wps,.et,.ofd,.zip" disabled={busy} onChange={(e) => void upload(Array.from(e.target.files ?? []), "attachment")} />
        </label>
        {status && (
          <span className={failed ? "field-error" : "muted"} role="status">
            {status}
          </span>
        )}
      </div>
      <ul className="library-grid">
        {items.map((item) => (
          <li key={item.id} className="library-item">
            {item.kind === "IMAGE" ? (
              // eslint-disable-next-line @next/next/no-img-element -- our own rendition
              <img src={item.thumb} alt={item.alt || item.name} loading="lazy" />
            ) : (
              <div className="library-file">{fileTypeLabel(item.mimeType, item.name)}</div>
            )}
            <div className="library-info">
              <a href={item.src} target="_blank" rel="noopener" className="library-name" title={item.name}>
                {item.name}
              </a>
              <span className="cell-note">
                {item.kind === "IMAGE" ? `${item.width}×${item.height}` : formatFileSize(item.size)} · {item.uploadedBy || a.system} · {item.createdAt.slice(0, 10)}
              </span>
              {item.kind === "IMAGE" && <AltEditor item={item} />}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
