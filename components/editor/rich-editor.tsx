"use client";

import { Extension, type Editor } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { BubbleMenu } from "@tiptap/react/menus";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { PasteReport } from "@/lib/paste/clean";
import { droppedImagesMessage } from "@/lib/paste/dropped-message";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import type { CheckWord } from "@/lib/words/match";
import { CharacterCount } from "./character-count";
import { editorExtensions, IMAGE_WIDTHS_PERCENT } from "./extensions";
import { ImageDialog } from "./image-dialog";
import { LinkDialog } from "./link-dialog";
import { PasteHandling } from "./paste-handling";
import { PendingImageUploader } from "./pending-images";
import { LocalizerSlot, RemoteImageLocalizer, type RemoteSummary } from "./remote-images";
import { EmptyHint } from "./placeholder";
import { SearchPanel, type SearchRequest } from "./search-panel";
import { SearchReplace, selectedText, type SearchPanelMode } from "./search-replace";
import { TableDialog, TableTools } from "./table-menu";
import { Toolbar } from "./toolbar";
import { WordHighlight } from "./word-highlight";
import "./editor.css";
import { t } from "@/lib/i18n/zh-CN";

export interface RichEditorProps {
  initialContent: RichTextNode;
  words: CheckWord[];
  onChange: (doc: RichTextNode) => void;
  onEditor?: (editor: Editor | null) => void;
  onPasteReport: (report: PasteReport) => void;
  onNotice: (message: string, tone?: "info" | "warning" | "error") => void;
  onOtherFiles: (files: File[]) => void;
  onPendingUploads: (count: number) => void;
  onTidy: (editor: Editor) => void;
  /** The article being edited (null until first saved): remote pictures are fetched on its behalf. */
  articleId?: number | null;
  /** Remote pictures being brought home, and those that could not be (图片本地化). */
  onRemoteImages?: (summary: RemoteSummary) => void;
  /** The save state, shown under the text in full screen (the character count is always there). */
  statusBar?: React.ReactNode;
  /** The text may not be changed now (in review for who may not edit it, a save conflict): the toolbar says so. */
  locked?: boolean;
}

type DialogName = "link" | "image" | "imageEdit" | "table" | null;

/** The latest props, for callbacks registered once with the editor. */
class Handlers {
  constructor(private props: RichEditorProps) {}
  bind(props: RichEditorProps) {
    this.props = props;
  }
  get() {
    return this.props;
  }
}

/**
 * The article body editor: toolbar, text, pictures, tables, paste cleanup, uploads.
 * Memoised: the page around it renders on every keystroke, the editor need not.
 */
export const RichEditor = memo(function RichEditor(props: RichEditorProps) {
  const [dialog, setDialog] = useState<DialogName>(null);
  const [fullscreen, setFullscreen] = useState(false);
  // The editor is created once; the page's callbacks change on every render and are read through this.
  const [handlers] = useState(() => new Handlers(props));
  useEffect(() => handlers.bind(props));
  const uploader = useRef<PendingImageUploader | null>(null);
  const [localizer] = useState(() => new LocalizerSlot());
  const [searchRequest, setSearchRequest] = useState<SearchRequest | null>(null);
  const openSearch = (mode: SearchPanelMode, text: string) => setSearchRequest((r) => ({ mode, text, seq: (r?.seq ?? 0) + 1 }));

  const extensions = useMemo(
    () => [
      ...editorExtensions(),
      PasteHandling.configure({
        onReport: (r) => {
          handlers.get().onPasteReport(r);
          // The pasted remote pictures go to the server at once; the editor shows each one's progress.
          if (r.images.remote.length) queueMicrotask(() => localizer.get()?.localize(r.images.remote));
        },
        onOtherFiles: (f) => handlers.get().onOtherFiles(f),
        onDroppedImages: (d) => handlers.get().onNotice(droppedImagesMessage(d)),
      }),
      localizer.extension(),
      WordHighlight.configure({ words: props.words }),
      // Editor-only, so not in the list shared with the server (extensions.ts).
      SearchReplace.configure({ onOpen: openSearch }),
      EmptyHint.configure({ text: t.editor.placeholder }),
      Extension.create({
        name: "editorShortcuts",
        addKeyboardShortcuts: () => ({
          "Mod-k": () => (setDialog("link"), true),
          "Mod-Alt-i": ({ editor }) => editor.isActive("paragraph") && editor.commands.updateAttributes("paragraph", { indent: editor.getAttributes("paragraph").indent === false }),
          "Mod-Shift-f": () => (setFullscreen((f) => !f), true),
          // To the toolbar from the text, as in most editors (Shift+Tab gets there too).
          "Alt-F10": ({ editor }) => {
            const tool = editor.view.dom.closest(".rich-editor")?.querySelector<HTMLElement>('[role="toolbar"] [tabindex="0"]');
            tool?.focus();
            return !!tool;
          },
        }),
      }),
    ],
    // The word list is fixed for the life of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const editor = useEditor({
    extensions,
    content: props.initialContent,
    immediatelyRender: false,
    editorProps: { attributes: { class: "editor-content article-body", "aria-label": t.editor.body, "aria-multiline": "true", role: "textbox", spellcheck: "false" } },
    onUpdate: ({ editor: e }) => {
      handlers.get().onChange(e.getJSON() as RichTextNode);
      uploader.current?.scan();
    },
  });

  useEffect(() => {
    if (!editor) return;
    const pending = new PendingImageUploader(editor, {
      onError: (m) => handlers.get().onNotice(m),
      onChange: (n) => handlers.get().onPendingUploads(n),
    });
    uploader.current = pending;
    pending.scan();
    localizer.set(
      new RemoteImageLocalizer(editor, () => handlers.get().articleId ?? null, {
        onNotice: (m, tone) => handlers.get().onNotice(m, tone),
        onChange: (s) => handlers.get().onRemoteImages?.(s),
      }),
    );
    handlers.get().onEditor?.(editor);
    return () => {
      pending.destroy();
      localizer.set(null);
      handlers.get().onEditor?.(null);
    };
  }, [editor, handlers, localizer]);

  useEffect(() => {
    if (!fullscreen) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && !document.querySelector("dialog[open]") && setFullscreen(false);
    document.addEventListener("keydown", onKey);
    document.body.classList.add("no-scroll");
    return () => {
      document.removeEventListener("keydown", onKey);
      document.body.classList.remove("no-scroll");
    };
  }, [fullscreen]);

  const inTable = useEditorState({ editor, selector: ({ editor: e }) => !!e?.isActive("table") }) ?? false;

  if (!editor) return <div className="rich-editor is-loading">{t.editor.loading}</div>;

  return (
    <div className={`rich-editor${fullscreen ? " is-fullscreen" : ""}`} data-testid="rich-editor">
      <div className="rich-editor-bars">
        <Toolbar
          editor={editor}
          actions={{
            openLink: () => setDialog("link"),
            openImage: () => setDialog("image"),
            openTable: () => setDialog("table"),
            tidy: () => props.onTidy(editor),
            localizeImages: () => localizer.get()?.localizeAll(),
            toggleFullscreen: () => setFullscreen((f) => !f),
            openSearch: () => openSearch("find", selectedText(editor.state)),
            fullscreen,
          }}
          locked={props.locked}
        />
        {inTable && <TableTools editor={editor} />}
        {searchRequest && (
          <SearchPanel
            editor={editor}
            request={searchRequest}
            onClose={() => {
              setSearchRequest(null);
              // Back to the text, on the match last shown (or where the cursor was if none was).
              editor.commands.focus();
            }}
          />
        )}
      </div>
      <div className="rich-editor-sheet">
        <EditorContent editor={editor} />
      </div>
      <div className="rich-editor-status">
        <CharacterCount editor={editor} />
        {/* The page shows the save state in its top bar; full screen covers that, so it shows here. */}
        {fullscreen && props.statusBar}
      </div>
      <BubbleMenu editor={editor} shouldShow={({ editor: e }) => e.isActive("image")} options={{ placement: "top" }}>
        <ImageBubble editor={editor} onEdit={() => setDialog("imageEdit")} />
      </BubbleMenu>
      <LinkDialog editor={editor} open={dialog === "link"} onClose={() => setDialog(null)} />
      <ImageDialog editor={editor} open={dialog === "image" || dialog === "imageEdit"} mode={dialog === "imageEdit" ? "edit" : "insert"} onClose={() => setDialog(null)} />
      <TableDialog editor={editor} open={dialog === "table"} onClose={() => setDialog(null)} />
    </div>
  );
});

function ImageBubble({ editor, onEdit }: { editor: Editor; onEdit: () => void }) {
  const attrs = useEditorState({ editor, selector: ({ editor: e }) => e.getAttributes("image") });
  return (
    <div className="bubble" role="group" aria-label={t.editor.imageGroup}>
      <button type="button" className={`tool-text${attrs.alt ? "" : " is-warning"}`} onClick={onEdit}>
        {attrs.alt ? t.editor.imageInfo : t.editor.fillAlt}
      </button>
      {IMAGE_WIDTHS_PERCENT.filter((w) => w !== 33 && w !== 66).map((w) => (
        <button
          key={w}
          type="button"
          className={`tool-text${(attrs.widthPercent ?? 100) === w ? " is-active" : ""}`}
          onClick={() => editor.chain().focus().updateAttributes("image", { widthPercent: w }).run()}
        >
          {w}%
        </button>
      ))}
      <button type="button" className="tool-text is-danger" onClick={() => editor.chain().focus().deleteSelection().run()}>
        {t.editor.removeImage}
      </button>
    </div>
  );
}
