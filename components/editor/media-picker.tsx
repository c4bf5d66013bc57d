"use client";

import { useEffect, useState } from "react";
import type { MediaItem, MediaPage } from "@/lib/media/library";

async function fetchLibrary(search: string, page: number): Promise<MediaPage> {
  const params = new URLSearchParams({ kind: "IMAGE", page: String(page), ...(search ? { q: search } : {}) });
  const response = await fetch(`/api/media?${params}`, { credentials: "same-origin" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.ok) throw new Error(body.error ?? "加载失败");
  return body.data;
}

/**
 * The media library inside a dialog: find a picture uploaded before and use it again.
 * Reads page by page from /api/media.
 */
export function MediaPicker({ onPick, selectedId }: { onPick: (item: MediaItem) => void; selectedId?: number | null }) {
  const [q, setQ] = useState("");
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const [data, setData] = useState<MediaPage | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    let cancelled = false;
    fetchLibrary(query, page).then(
      (result) => {
        if (cancelled) return;
        setData(result);
        setError("");
      },
      (e: Error) => !cancelled && setError(`媒体库加载失败：${e.message}`),
    );
    return () => {
      cancelled = true;
    };
  }, [query, page]);

  return (
    <div className="media-picker">
      <form
        className="media-picker-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setQuery(q.trim());
        }}
      >
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="按文件名或替代文字查找" aria-label="查找图片" />
        <button type="submit" className="button button-small">
          查找
        </button>
      </form>
      {error && <p className="field-error">{error}</p>}
      {!data && !error && <p className="muted">加载中…</p>}
      {data && data.items.length === 0 && <p className="muted">{query ? "没有找到相符的图片。" : "媒体库里还没有图片。"}</p>}
      {data && data.items.length > 0 && (
        <ul className="media-grid" aria-label="媒体库图片">
          {data.items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={`media-tile${item.id === selectedId ? " is-selected" : ""}`}
                aria-pressed={item.id === selectedId}
                onClick={() => onPick(item)}
                title={`${item.name}（${item.width}×${item.height}）`}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- library thumbnails are our own renditions */}
                <img src={item.thumb} alt={item.alt || item.name} loading="lazy" />
                <span>{item.alt || item.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {data && data.pageCount > 1 && (
        <nav className="media-picker-pages" aria-label="媒体库分页">
          <button type="button" className="button button-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            上一页
          </button>
          <span>
            第 {data.page} / {data.pageCount} 页
          </span>
          <button type="button" className="button button-small" disabled={page >= data.pageCount} onClick={() => setPage(page + 1)}>
            下一页
          </button>
        </nav>
      )}
    </div>
  );
}
