"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { uploadFile } from "@/components/editor/upload-client";
import { fileTypeLabel, formatFileSize } from "@/lib/export/file-info";
import { updateMediaAlt } from "@/lib/media/actions";
import type { MediaItem } from "@/lib/media/library";

function AltEditor({ item }: { item: MediaItem }) {
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
          setMessage(result.ok ? "已保存" : result.error);
        });
      }}
    >
      <input aria-label={`${item.name} 的替代文字`} value={alt} maxLength={200} placeholder="替代文字（插入时默认使用）" onChange={(e) => (setAlt(e.target.value), setMessage(""))} />
      {changed && (
        <button type="submit" className="button button-small" disabled={pending}>
          保存
        </button>
      )}
      {message && <span className="field-hint">{message}</span>}
    </form>
  );
}

/** The media library: everything uploaded, to find again, describe and reuse. */
export function MediaLibrary({ items }: { items: MediaItem[] }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function upload(files: File[], purpose: "image" | "attachment") {
    setBusy(true);
    const failures: string[] = [];
    for (const [i, file] of files.entries()) {
      setStatus(`正在上传 ${i + 1}/${files.length}：${file.name}`);
      try {
        await uploadFile(file, file.name, purpose);
      } catch (e) {
        failures.push(`《${file.name}》${(e as Error).message}`);
      }
    }
    setBusy(false);
    setStatus(failures.length ? `上传失败：${failures.join("；")}` : `已上传 ${files.length} 个文件。`);
    router.refresh();
  }

  return (
    <div className="media-library">
      <div className="button-row media-uploads">
        <label className="button button-primary">
          上传图片
          <input hidden type="file" multiple accept="image/jpeg,image/png,image/gif,image/webp,image/avif,image/tiff" disabled={busy} onChange={(e) => void upload(Array.from(e.target.files ?? []), "image")} />
        </label>
        <label className="button">
          上传附件
          <input hidden type="file" multiple accept=".pdf,.doc,.docx,.xls,.xlsx,.wps,.et,.ofd,.zip" disabled={busy} onChange={(e) => void upload(Array.from(e.target.files ?? []), "attachment")} />
        </label>
        {status && (
          <span className={status.startsWith("上传失败") ? "field-error" : "muted"} role="status">
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
                {item.kind === "IMAGE" ? `${item.width}×${item.height}` : formatFileSize(item.size)} · {item.uploadedBy || "系统"} · {item.createdAt.slice(0, 10)}
              </span>
              {item.kind === "IMAGE" && <AltEditor item={item} />}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
