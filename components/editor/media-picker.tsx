"use client";

import { useEffect, useState } from "react";
import type { MediaItem, MediaPage } from "@/lib/media/library";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

async function fetchLibrary(search: string, page: number): Promise<MediaPage> {
  const params = new URLSearchParams({ kind: "IMAGE", page: String(page), ...(search ? { q: search } : {}) });
  const response = await fetch(`/api/media?${params}`, { credentials: "same-origin" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.ok) throw new Error(body.error ?? String(response.status));
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
      (e: Error) => !cancelled && setError(fill(t.editor.libraryFailed, { reason: e.message })),
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
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t.editor.librarySearchPlaceholder} aria-label={t.editor.librarySearch} />
        <button type="submit" className="button button-small">
          {t.editor.search}
        </button>
      </form>
      {error && <p className="field-error">{error}</p>}
      {!data && !error && <p className="muted">{t.common.loading}</p>}
      {data && data.items.length === 0 && <p className="muted">{query ? t.editor.libraryNoMatch : t.editor.libraryEmpty}</p>}
      {data && data.items.length > 0 && (
        <ul className="media-grid" aria-label={t.editor.libraryImages}>
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
        <nav className="media-picker-pages" aria-label={t.editor.libraryPages}>
          <button type="button" className="button button-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t.editor.previousPage}
          </button>
          <span>{fill(t.editor.pageOf, { page: data.page, count: data.pageCount })}</span>
          <button type="button" className="button button-small" disabled={page >= data.pageCount} onClick={() => setPage(page + 1)}>
            {t.editor.nextPage}
          </button>
        </nav>
      )}
    </div>
  );
}
