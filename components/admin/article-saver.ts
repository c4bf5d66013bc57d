import type { ActionResult } from "@/lib/actions/safe-action";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/security/headers.mjs";
import { editableContent, stableJson, type EditableContent, type EditorArticle, type SaveResult } from "@/lib/articles/editor-model";
import { t } from "@/lib/i18n/zh-CN";

export type SaveStatus =
  | { kind: "clean" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "waiting"; reason: string }
  | { kind: "error"; reason: string; retrying: boolean }
  | { kind: "conflict" };

export interface SaverState {
  article: EditorArticle;
  status: SaveStatus;
  /** The stored copy that refused our save, until the editor resolves the conflict. */
  conflict: EditorArticle | null;
  fieldErrors: Record<string, string[]>;
  lastResult: SaveResult | null;
}

export type SaveInput = ReturnType<typeof toSaveInput>;

export interface SaveTransport {
  create(input: SaveInput): Promise<ActionResult<SaveResult>>;
  save(input: SaveInput & { id: number; baseVersion: number; autosave: boolean }): Promise<ActionResult<SaveResult>>;
}

export interface DraftStore {
  write(draft: { articleId: number | null; baseVersion: number; savedAt: string; content: EditableContent }): boolean;
  clear(articleId: number | null): void;
}

export interface SaverOptions {
  /** Quiet time before an autosave. */
  idleMs?: number;
  /** First retry delay; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  localDelayMs?: number;
}

/**
 * The form's copy as the save actions take it. The body goes through JSON: ProseMirror
 * builds attribute objects without a prototype, which a server action call would not
 * send as plain data.
 */
export function toSaveInput(c: EditableContent) {
  return { ...c, bodyJson: JSON.parse(JSON.stringify(c.bodyJson)) as EditableContent["bodyJson"], columnId: c.columnId ?? 0, publishedAt: c.publishedAt || null, writtenAt: c.writtenAt || null };
}

type Timer = ReturnType<typeof setTimeout>;

/** The server actions' body limit, less room for the envelope around the article. */
const MAX_SAVE_BYTES = ACTION_BODY_LIMIT_BYTES - 100_000;

/**
 * The editor's saving, outside React so that it can be reasoned about (and tested)
 * as plain code: explicit and automatic saves, each carrying the version it is based
 * on; failures keep everything, say why and retry with backoff; a refusal because
 * someone else saved first stops saving and hands over the stored copy; every change
 * is also kept locally until it is saved.
 */
export class ArticleSaver {
  private state: SaverState;
  private listeners = new Set<() => void>();
  /** The server's copy the edits are based on (the common ancestor in a conflict). */
  private base: { id: number | null; version: number; content: EditableContent };
  private timers: { autosave?: Timer; retry?: Timer; local?: Timer } = {};
  private saving = false;
  private queued: "auto" | "explicit" | null = null;
  private attempt = 0;
  private pendingUploads = 0;
  private readonly idleMs: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly localDelayMs: number;
  /** Told after each successful save (e.g. to update the address of a new article). */
  onSaved: (result: SaveResult, previousId: number | null) => void = () => {};

  constructor(
    initial: EditorArticle,
    private readonly transport: SaveTransport,
    private readonly store: DraftStore,
    options: SaverOptions = {},
  ) {
    const status: SaveStatus = initial.id === null ? { kind: "waiting", reason: t.articlesAdmin.waitTitle } : { kind: "clean" };
    this.state = { article: initial, status, conflict: null, fieldErrors: {}, lastResult: null };
    this.base = { id: initial.id, version: initial.version, content: editableContent(initial) };
    this.idleMs = options.idleMs ?? 3000;
    this.retryMs = options.retryMs ?? 2000;
    this.maxRetryMs = options.maxRetryMs ?? 30_000;
    this.localDelayMs = options.localDelayMs ?? 400;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.state;

  get baseContent(): EditableContent {
    return this.base.content;
  }

  private set(patch: Partial<SaverState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private baseJson = "";

  isDirty(): boolean {
    this.baseJson ||= stableJson(this.base.content);
    return stableJson(editableContent(this.state.article)) !== this.baseJson;
  }

  private setBase(base: { id: number | null; version: number; content: EditableContent }) {
    this.base = base;
    this.baseJson = "";
  }

  /**
   * The editor reads the stored body and fills in its defaults (attributes it always
   * writes): that is the same content, so it becomes the base — nothing to save yet.
   */
  adoptNormalizedBody(doc: EditorArticle["bodyJson"]): void {
    if (this.state.article.bodyJson !== this.base.content.bodyJson) return;
    this.setBase({ ...this.base, content: { ...this.base.content, bodyJson: doc } });
    this.state = { ...this.state, article: { ...this.state.article, bodyJson: doc } };
  }

  /** Every edit: kept locally almost at once, saved after a pause. */
  update(patch: Partial<EditorArticle>): void {
    const retrying = this.state.status.kind === "error" && this.state.status.retrying;
    this.state = { ...this.state, article: { ...this.state.article, ...patch } };
    // An edit that undoes the last one leaves nothing to save.
    const status: SaveStatus = this.isDirty()
      ? this.state.status.kind === "dirty"
        ? this.state.status // the same object: the status line need not render again on every keystroke
        : { kind: "dirty" }
      : this.state.lastResult
        ? { kind: "saved", at: new Date(this.state.lastResult.savedAt) }
        : { kind: "clean" };
    this.set(this.state.conflict || retrying ? {} : { status });
    clearTimeout(this.timers.local);
    this.timers.local = setTimeout(() => this.keepLocally(), this.localDelayMs);
    // While retrying, the retry saves the latest copy anyway.
    if (!this.state.conflict && !retrying) this.schedule();
  }

  private keepLocally(): void {
    if (!this.isDirty()) return;
    const ok = this.store.write({ articleId: this.base.id, baseVersion: this.base.version, savedAt: new Date().toISOString(), content: editableContent(this.state.article) });
    if (!ok && this.state.status.kind !== "error") this.set({ status: { kind: "error", reason: t.articlesAdmin.storageFull, retrying: false } });
  }

  private schedule(): void {
    clearTimeout(this.timers.autosave);
    this.timers.autosave = setTimeout(() => void this.save("auto"), this.idleMs);
  }

  setPendingUploads(n: number): void {
    const was = this.pendingUploads;
    this.pendingUploads = n;
    if (was > 0 && n === 0 && this.isDirty()) this.schedule();
  }

  /** The network is back: retry now instead of waiting for the backoff. */
  online(): void {
    if (this.attempt > 0) void this.save("auto");
  }

  async save(kind: "auto" | "explicit"): Promise<void> {
    clearTimeout(this.timers.autosave);
    clearTimeout(this.timers.retry);
    if (this.state.conflict) return;
    if (this.saving) {
      this.queued = kind === "explicit" || this.queued === "explicit" ? "explicit" : "auto";
      return;
    }
    const draft = this.state.article;
    if (!this.isDirty() && this.base.id !== null) {
      if (kind === "explicit" && this.state.status.kind !== "clean") this.set({ status: { kind: "saved", at: new Date() } });
      return;
    }
    if (this.pendingUploads > 0) return this.set({ status: { kind: "waiting", reason: t.articlesAdmin.waitUploads } });
    if (this.base.id === null && kind === "auto" && (!draft.title.trim() || !draft.columnId)) {
      return this.set({ status: { kind: "waiting", reason: t.articlesAdmin.waitTitle } });
    }
    const content = editableContent(draft);
    const input = toSaveInput(content);
    // Server actions take at most 2 MB; past that a retry can never succeed.
    if (new TextEncoder().encode(JSON.stringify(input)).length > MAX_SAVE_BYTES) {
      return this.set({ status: { kind: "error", reason: t.articlesAdmin.tooLarge, retrying: false } });
    }
    this.saving = true;
    this.set({ status: { kind: "saving" } });
    const previousId = this.base.id;
    let result: ActionResult<SaveResult> | null;
    try {
      result =
        previousId === null
          ? await this.transport.create(input)
          : await this.transport.save({ ...input, id: previousId, baseVersion: this.base.version, autosave: kind === "auto" });
    } catch {
      result = null; // No answer at all: the network is down or the server unreachable.
    }
    this.saving = false;
    this.handle(result, content, previousId, kind);
    if (this.queued && !this.state.conflict) {
      const next = this.queued;
      this.queued = null;
      void this.save(next);
    }
  }

  private handle(result: ActionResult<SaveResult> | null, content: EditableContent, previousId: number | null, kind: "auto" | "explicit"): void {
    if (result?.ok) {
      this.attempt = 0;
      this.setBase({ id: result.data.id, version: result.data.version, content });
      if (previousId === null) this.store.clear(null);
      const article = { ...this.state.article, id: result.data.id, version: result.data.version, status: result.data.status };
      this.state = { ...this.state, article };
      const dirty = this.isDirty();
      if (!dirty) this.store.clear(result.data.id);
      this.set({ fieldErrors: {}, lastResult: result.data, status: dirty ? { kind: "dirty" } : { kind: "saved", at: new Date(result.data.savedAt) } });
      this.onSaved(result.data, previousId);
      if (dirty) this.schedule();
    } else if (result?.code === "conflict") {
      this.set({ conflict: (result.details?.current as EditorArticle | undefined) ?? null, status: { kind: "conflict" } });
    } else if (result && (result.code === "invalid" || result.code === "forbidden" || result.code === "not_found")) {
      // Retrying cannot help: the next edit saves again.
      // The schema's field messages, or those a mutation found against the database (an unknown 索引号 format, a missing document).
      const fieldErrors = result.fieldErrors ?? (result.details?.fieldErrors as Record<string, string[]> | undefined) ?? {};
      const first = Object.values(fieldErrors).flat()[0];
      this.set({ fieldErrors, status: { kind: "error", reason: first ?? result.error, retrying: false } });
    } else {
      const reason = !result ? t.articlesAdmin.networkDown : result.code === "unauthenticated" ? t.articlesAdmin.sessionExpired : result.error;
      const delay = Math.min(this.maxRetryMs, this.retryMs * 2 ** this.attempt);
      this.attempt++;
      this.set({ status: { kind: "error", reason, retrying: true } });
      this.timers.retry = setTimeout(() => void this.save(kind), delay);
    }
  }

  /**
   * Brings back changes kept in this browser. When they were based on an older version
   * than the one now stored, saving them would overwrite someone's work: it is handled
   * as a conflict, so the editor sees the difference first.
   */
  restoreLocal(content: Partial<EditorArticle>, baseVersion: number): void {
    const server = this.state.article;
    this.update(content);
    if (baseVersion !== this.base.version) {
      clearTimeout(this.timers.autosave);
      this.set({ conflict: { ...server, ...this.base.content }, status: { kind: "conflict" } });
    }
  }

  /** After a conflict: continue from `content`, now based on the stored version `onto`. */
  resolve(content: EditorArticle, onto: EditorArticle, saveNow: boolean): void {
    this.setBase({ id: onto.id, version: onto.version, content: editableContent(onto) });
    this.state = { ...this.state, conflict: null, article: { ...content, id: onto.id, version: onto.version, status: onto.status } };
    this.set({ status: this.isDirty() ? { kind: "dirty" } : { kind: "saved", at: new Date(onto.updatedAt ?? Date.now()) } });
    if (saveNow) void this.save("explicit");
    else if (this.isDirty()) this.schedule();
  }

  /**
   * The page is going away (navigation inside the app): save what is not saved yet.
   * A failed save keeps retrying in the background; the local copy stays either way.
   */
  leave(): void {
    clearTimeout(this.timers.autosave);
    if (this.isDirty() && !this.state.conflict) {
      clearTimeout(this.timers.local);
      this.keepLocally();
      void this.save("auto");
    }
  }
}
