import type { EditableContent } from "@/lib/articles/editor-model";

/**
 * Unsaved changes kept in the browser, so that a crash, a closed tab or a failed save
 * never loses an editor's work. One entry per article (or one for a new article),
 * remembering which version it was based on.
 */
export interface LocalDraft {
  articleId: number | null;
  baseVersion: number;
  savedAt: string;
  content: EditableContent;
}

const PREFIX = "gazette:draft:";
const keyOf = (articleId: number | null) => `${PREFIX}${articleId ?? "new"}`;

export function readLocalDraft(articleId: number | null): LocalDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(articleId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as LocalDraft;
    return draft && typeof draft.baseVersion === "number" && draft.content ? draft : null;
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled): the caller tells the user. */
export function writeLocalDraft(draft: LocalDraft): boolean {
  try {
    localStorage.setItem(keyOf(draft.articleId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalDraft(articleId: number | null): void {
  try {
    localStorage.removeItem(keyOf(articleId));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

/** Local pictures (blob:) do not survive a reload: a restored draft drops them and says how many. */
export function withoutDeadImages<T extends { type: string; attrs?: Record<string, unknown>; content?: T[] }>(node: T): { node: T; dropped: number } {
  let dropped = 0;
  const walk = (n: T): T | null => {
    if (n.type === "image" && String(n.attrs?.src ?? "").startsWith("blob:")) {
      dropped++;
      return null;
    }
    return n.content ? { ...n, content: n.content.map(walk).filter((c): c is T => c !== null) } : n;
  };
  return { node: walk(node) ?? node, dropped };
}
