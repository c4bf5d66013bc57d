import { Extension, type Editor } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { localizeRemoteImagesAction } from "@/lib/media/actions";
import type { LocalizeResult } from "@/lib/media/remote";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

/**
 * 图片本地化 in the editor. A picture on another site (pasted from WeChat or a web page)
 * is sent to the server, which fetches and stores it (lib/media/remote.ts); the picture
 * then takes the stored media's addresses, keeping its alt text, caption and width. Each
 * picture shows its state — waiting, fetching, or why it failed — as a decoration: seen
 * in the editor, never part of the document, so nothing broken is saved. A failed
 * picture keeps its remote address and blocks nothing; the checks panel lists it, and
 * the toolbar's 图片本地化 button tries every remote picture again.
 */
export type RemoteState = { state: "queued" | "fetching" } | { state: "failed"; reason: string };

export interface RemoteSummary {
  /** Pictures waiting or being fetched. */
  active: number;
  failures: { src: string; reason: string }[];
}

export interface LocalizerEvents {
  onNotice(message: string, tone: "info" | "warning"): void;
  onChange(summary: RemoteSummary): void;
}

/** Pictures per server call: Next.js runs a page's server actions one after another, so a batch is fetched in parallel on the server. */
const BATCH = 4;
const key = new PluginKey<DecorationSet>("remoteImages");

/** Is this a picture on another site (http/https, not this one)? */
export function isRemoteImageSrc(src: unknown): src is string {
  if (typeof src !== "string" || !/^https?:\/\/[^/\\]/i.test(src)) return false;
  try {
    return typeof window === "undefined" || new URL(src).origin !== window.location.origin;
  } catch {
    return false;
  }
}

export function remoteImageSrcs(doc: ProseMirrorNode): string[] {
  const srcs = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === "image" && isRemoteImageSrc(node.attrs.src)) srcs.add(node.attrs.src);
    return true;
  });
  return [...srcs];
}

function labelOf(s: RemoteState): string {
  const R = t.remoteImages;
  return s.state === "failed" ? fill(R.failedMark, { reason: s.reason }) : s.state === "fetching" ? `${R.fetching}…` : R.queued;
}

function decorate(state: EditorState, states: ReadonlyMap<string, RemoteState>): DecorationSet {
  if (!states.size) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  state.doc.descendants((node, pos) => {
    const s = node.type.name === "image" ? states.get(String(node.attrs.src)) : undefined;
    if (s) decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-remote": s.state, "data-remote-label": labelOf(s), title: labelOf(s) }));
    return true;
  });
  return DecorationSet.create(state.doc, decorations);
}

export class RemoteImageLocalizer {
  private states = new Map<string, RemoteState>();
  private queue: string[] = [];
  private running = false;
  private done = 0;

  constructor(
    private readonly editor: Editor,
    private readonly articleId: () => number | null,
    private readonly events: LocalizerEvents,
  ) {}

  /** The ProseMirror plugin that shows each picture's state; register it with the editor. */
  static plugin(get: () => RemoteImageLocalizer | null): Plugin {
    return new Plugin({
      key,
      state: {
        init: () => DecorationSet.empty,
        apply: (tr, old, _before, after) => {
          const localizer = get();
          if (!localizer || (!tr.docChanged && !tr.getMeta(key))) return old;
          return decorate(after, localizer.states);
        },
      },
      props: { decorations: (state) => key.getState(state) },
    });
  }

  /** Queues pictures for fetching (a paste's remote pictures, or every one in the body). */
  localize(srcs: string[]): number {
    const fresh = srcs.filter((src) => isRemoteImageSrc(src) && this.states.get(src)?.state !== "queued" && this.states.get(src)?.state !== "fetching");
    for (const src of fresh) {
      this.states.set(src, { state: "queued" });
      this.queue.push(src);
    }
    this.refresh();
    void this.run();
    return fresh.length;
  }

  /** The button: every remote picture in the body, failed ones included. */
  localizeAll(): void {
    // A read-only editor (an article in review) must not change under the reader.
    if (!this.editor.isEditable) return;
    const n = this.localize(remoteImageSrcs(this.editor.state.doc));
    if (!n && !this.running) this.events.onNotice(t.remoteImages.nothingToDo, "info");
  }

  summary(): RemoteSummary {
    const failures: RemoteSummary["failures"] = [];
    let active = 0;
    for (const [src, s] of this.states) {
      if (s.state === "failed") failures.push({ src, reason: s.reason });
      else active++;
    }
    return { active, failures };
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const failed: string[] = [];
    this.done = 0;
    try {
      while (this.queue.length && !this.editor.isDestroyed) {
        const batch = this.queue.splice(0, BATCH);
        for (const src of batch) this.states.set(src, { state: "fetching" });
        this.refresh();
        for (const result of await this.fetch(batch)) {
          if (result.ok) {
            this.replace(result.url, { src: result.src, srcset: result.srcset || null, mediaId: result.mediaId });
            this.states.delete(result.url);
            this.done++;
          } else {
            this.states.set(result.url, { state: "failed", reason: result.reason });
            failed.push(result.reason);
          }
        }
        this.refresh();
      }
    } finally {
      this.running = false;
    }
    if (this.editor.isDestroyed) return;
    const R = t.remoteImages;
    if (this.done) this.events.onNotice(fill(R.done, { n: this.done }), "info");
    if (failed.length) this.events.onNotice(fill(R.someFailed, { n: failed.length, reasons: [...new Set(failed)].join("、") }), "warning");
  }

  private async fetch(urls: string[]): Promise<LocalizeResult[]> {
    try {
      const result = await localizeRemoteImagesAction({ urls, articleId: this.articleId() });
      if (result.ok) return result.data;
      return urls.map((url) => ({ url, ok: false, reason: result.error }));
    } catch {
      return urls.map((url) => ({ url, ok: false, reason: t.remoteImages.networkDown }));
    }
  }

  /** The stored picture's addresses on every image with this source; alt, caption and width stay. Not an undo step. */
  private replace(src: string, attrs: { src: string; srcset: string | null; mediaId: number }): void {
    if (this.editor.isDestroyed) return;
    const { state, view } = this.editor;
    const tr = state.tr;
    state.doc.descendants((node, pos) => {
      if (node.type.name === "image" && node.attrs.src === src) tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs });
      return true;
    });
    if (tr.docChanged) view.dispatch(tr.setMeta("addToHistory", false));
  }

  /** Redraws the marks and tells the page. */
  private refresh(): void {
    if (this.editor.isDestroyed) return;
    this.editor.view.dispatch(this.editor.state.tr.setMeta(key, true));
    this.events.onChange(this.summary());
  }
}

/** Holds the localizer, made once the editor exists, for the extensions made before it. */
export class LocalizerSlot {
  private localizer: RemoteImageLocalizer | null = null;
  set(localizer: RemoteImageLocalizer | null) {
    this.localizer = localizer;
  }
  get() {
    return this.localizer;
  }
  /** The editor extension showing each picture's state. */
  extension() {
    return Extension.create({ name: "remoteImages", addProseMirrorPlugins: () => [RemoteImageLocalizer.plugin(() => this.get())] });
  }
}
