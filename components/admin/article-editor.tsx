"use client";

import type { Editor } from "@tiptap/core";
import { closeHistory } from "@tiptap/pm/history";
import Link from "@/components/admin/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { RemoteSummary } from "@/components/editor/remote-images";
import { RichEditor } from "@/components/editor/rich-editor";
import { uploadFile } from "@/components/editor/upload-client";
import { editableContent, stableJson, type EditableContent, type EditorArticle } from "@/lib/articles/editor-model";
import type { FieldLookups } from "@/lib/articles/diff-fields";
import { t } from "@/lib/i18n/zh-CN";
import type { MediaItem } from "@/lib/media/library";
import type { PasteReport } from "@/lib/paste/clean";
import { tidyDocument } from "@/lib/paste/tidy";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import type { CheckWord } from "@/lib/words/match";
import { ArticleFieldsAside } from "./article-editor-aside";
import { ConflictDialog, MergePanel } from "./conflict-dialog";
import { readLocalDraft, withoutDeadImages, type LocalDraft } from "./local-draft";
import { Notices, type Notice } from "./notices";
import { pasteSummary } from "./paste-summary";
import { SaveStatusText } from "./save-status";
import { TitleFields, type ColumnChoice, type PlacementMode } from "./article-fields";
import { useHydrated } from "./use-hydrated";
import { useArticleSaver } from "./use-article-saver";
import { WordImportButton } from "./word-import-button";
import type { AttachmentUpload } from "./attachments-field";
import "./authoring.css";
import { fill } from "@/lib/i18n/fill";

export interface ArticleEditorProps {
  initial: EditorArticle;
  columns: ColumnChoice[];
  topics: string[];
  media: Record<number, MediaItem>;
  words: CheckWord[];
  zoneOffset: string;
  /** Set when this user may look but not change (e.g. the article is under review). */
  readOnlyReason?: string;
  /** How the placement fields of a live article behave for this user (lib/articles/mutations.ts decides). */
  placement?: PlacementMode;
  /** The review and publishing panel (server-rendered), for saved articles. */
  workflow?: React.ReactNode;
}

let noticeId = 0;
const a = t.articlesAdmin;

/**
 * To the review panel, below the whole editor: a reviewer (on a phone, or by keyboard) goes
 * straight there. The heading takes the focus, so that Tab goes on inside the panel.
 */
function toWorkflow(e: React.MouseEvent<HTMLAnchorElement>) {
  const heading = document.getElementById("workflow-heading");
  if (!heading) return;
  e.preventDefault();
  heading.focus();
  heading.scrollIntoView({ block: "start" });
}

/** The article editor page: fields, body, media, saving, recovery and conflicts. */
export function ArticleEditor({ initial, columns, topics, media: initialMedia, words, zoneOffset, readOnlyReason, placement, workflow }: ArticleEditorProps) {
  const { saver, article, status, conflict, fieldErrors, lastResult } = useArticleSaver(initial);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [media, setMedia] = useState(initialMedia);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [pendingUploads, setPendingUploads] = useState(0);
  const [remoteImages, setRemoteImages] = useState<RemoteSummary>({ active: 0, failures: [] });
  const [uploads, setUploads] = useState<AttachmentUpload[]>([]);
  const [recovery, setRecovery] = useState<LocalDraft | null>(null);
  const [merging, setMerging] = useState<{ theirs: EditorArticle; base: EditableContent } | null>(null);
  // Not before hydration either: typing into the server's HTML would be wiped out by it.
  const hydrated = useHydrated();
  const readOnly = !!readOnlyReason || !hydrated;
  const router = useRouter();

  const notify = useCallback((text: string, tone: Notice["tone"] = "info") => {
    const id = ++noticeId;
    setNotices((list) => [...list.slice(-3), { id, tone, text }]);
    if (tone !== "error") setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 9000);
  }, []);

  useEffect(() => {
    saver.onSaved = (result, previousId) => {
      // A new article gets its own address without reloading the editor.
      if (previousId === null) window.history.replaceState(null, "", `/admin/articles/${result.id}`);
      if (result.backToDraft || result.reviewRestarted) {
        notify(result.backToDraft ? a.backToDraft : a.reviewRestarted, "warning");
        // The review panel (server-rendered) shows the new state; this editor keeps its own.
        router.refresh();
      }
    };
  }, [saver, notify, router]);

  // Changes kept in this browser that the server does not have: offer them back.
  useEffect(() => {
    const draft = readLocalDraft(initial.id);
    if (draft && stableJson(draft.content) !== stableJson(editableContent(initial))) setRecovery(draft);
  }, [initial]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (!readOnly) void saver.save("explicit");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [saver, readOnly]);

  useEffect(() => {
    // Without emitting an update: switching editability changes no content.
    if (editor) editor.setEditable(!readOnly && !conflict, false);
  }, [editor, readOnly, conflict]);

  const lookups: FieldLookups = useMemo(
    () => ({ columnName: (id) => columns.find((c) => c.id === id)?.name, mediaName: (id) => media[id]?.alt || media[id]?.name }),
    [columns, media],
  );

  const onEditor = useCallback(
    (e: Editor | null) => {
      if (e) saver.adoptNormalizedBody(e.getJSON() as RichTextNode);
      setEditor(e);
    },
    [saver],
  );
  const setBody = useCallback((doc: RichTextNode) => saver.update({ bodyJson: doc }), [saver]);
  const onPendingUploads = useCallback((n: number) => (setPendingUploads(n), saver.setPendingUploads(n)), [saver]);
  const onPasteReport = useCallback((r: PasteReport) => notify(pasteSummary(r), r.images.unreadable || r.images.unusable ? "warning" : "info"), [notify]);
  const onTidy = useCallback(
    (e: Editor) => {
      const { doc, changes } = tidyDocument(e.getJSON() as RichTextNode);
      if (!changes) return notify(a.tidyNothing);
      // Its own undo step, even right after a paste.
      e.chain()
        .focus()
        .command(({ tr }) => (closeHistory(tr), true))
        .setContent(doc, { emitUpdate: true })
        .run();
      notify(fill(a.tidyDone, { n: changes }));
    },
    [notify],
  );

  const addAttachments = useCallback(
    async (files: File[]) => {
      for (const file of files) {
        const key = `${file.name}-${++noticeId}`;
        setUploads((u) => [...u, { key, name: file.name }]);
        try {
          const m = await uploadFile(file, file.name, "attachment");
          if (m.kind !== "attachment") throw new Error(a.notAnAttachment);
          setMedia((all) => ({ ...all, [m.id]: { id: m.id, kind: "ATTACHMENT", name: m.name, alt: "", mimeType: m.mimeType, size: m.size, width: null, height: null, createdAt: new Date().toISOString(), uploadedBy: "", src: m.href, srcset: "", thumb: m.href } }));
          const list = saver.getSnapshot().article.attachments;
          if (!list.some((a) => a.mediaId === m.id)) saver.update({ attachments: [...list, { mediaId: m.id, name: m.name.replace(/\.[a-z0-9]+$/i, "") }] });
          setUploads((u) => u.filter((x) => x.key !== key));
        } catch (error) {
          setUploads((u) => u.map((x) => (x.key === key ? { ...x, error: (error as Error).message } : x)));
        }
      }
    },
    [saver],
  );

  const onUploadError = useCallback((m: string, tone: Notice["tone"] = "error") => notify(m, tone), [notify]);
  const statusLine = useMemo(() => <SaveStatusText status={status} announce={false} />, [status]);

  function restore(draft: LocalDraft) {
    const { node, dropped } = withoutDeadImages(draft.content.bodyJson);
    const content = { ...draft.content, bodyJson: node };
    editor?.commands.setContent(node, { emitUpdate: false });
    saver.restoreLocal(content, draft.baseVersion);
    setRecovery(null);
    notify(dropped ? fill(a.restoredWithLoss, { n: dropped }) : a.restored, dropped ? "warning" : "info");
  }

  function resolve(choice: "mine" | "theirs" | "merge") {
    if (!conflict) return;
    const theirs = conflict;
    const base = saver.baseContent;
    if (choice === "theirs") {
      editor?.commands.setContent(theirs.bodyJson, { emitUpdate: false });
      saver.resolve(theirs, theirs, false);
      notify(a.tookTheirs);
    } else {
      saver.resolve(saver.getSnapshot().article, theirs, choice === "mine");
      if (choice === "merge") setMerging({ theirs, base });
    }
  }

  const isNew = article.id === null;
  // The server's view is newer after a review step on this page; ours after our own saves.
  const shownStatus = article.version > initial.version ? article.status : initial.status;
  return (
    <div className={`article-editor${merging ? " is-merging" : ""}`}>
      <header className="editor-topbar">
        <nav className="editor-crumbs" aria-label={a.location}>
          <Link href="/admin/articles">{t.admin.articles}</Link>
          <span aria-hidden="true">›</span>
          <span>{isNew ? a.newArticle : fill(a.editArticle, { id: article.id! })}</span>
          <span className={`badge badge-${shownStatus.toLowerCase()}`} data-testid="article-status">
            {t.admin[`status_${shownStatus}`]}
          </span>
        </nav>
        <SaveStatusText status={status} />
        <div className="button-row">
          {!isNew && (
            <>
              <a className="button" href="#workflow-heading" onClick={toWorkflow}>
                {a.toWorkflow}
              </a>
              <Link className="button" href={`/admin/articles/${article.id}/revisions`}>
                {a.revisions}
              </Link>
              <button
                type="button"
                className="button"
                onClick={async () => {
                  await saver.save("explicit");
                  window.open(`/admin/articles/${article.id}/preview`, "_blank", "noopener");
                }}
              >
                {a.preview}
              </button>
            </>
          )}
          <WordImportButton
            editor={editor}
            articleId={article.id}
            columnId={article.columnId}
            title={article.title}
            disabled={readOnly || !!conflict}
            onTitle={(title) => saver.update({ title })}
            notify={notify}
          />
          <button type="button" className="button button-primary" disabled={readOnly || status.kind === "saving"} onClick={() => void saver.save("explicit")} title={a.saveShortcut}>
            {a.save}
          </button>
        </div>
      </header>
      {readOnlyReason && <p className="gov-notice editor-readonly">{readOnlyReason}</p>}
      {recovery && (
        <div className="recovery" role="alert" data-testid="recovery-banner">
          <span>
            {fill(a.recoveryFound, { time: new Date(recovery.savedAt).toLocaleString("zh-CN", { hour12: false }), version: recovery.baseVersion || 1 })}
          </span>
          <button type="button" className="button button-small button-primary" onClick={() => restore(recovery)}>
            {a.recoveryRestore}
          </button>
          <button type="button" className="button button-small" onClick={() => setRecovery(null)}>
            {a.recoveryDiscard}
          </button>
        </div>
      )}
      <Notices notices={notices} onDismiss={(id) => setNotices((list) => list.filter((n) => n.id !== id))} />
      <div className="editor-layout">
        <div className="editor-main">
          <TitleFields article={article} update={saver.update.bind(saver)} errors={fieldErrors} disabled={readOnly} />
          <RichEditor
            initialContent={initial.bodyJson}
            words={words}
            onChange={setBody}
            onEditor={onEditor}
            onPasteReport={onPasteReport}
            onNotice={onUploadError}
            onOtherFiles={addAttachments}
            onPendingUploads={onPendingUploads}
            onTidy={onTidy}
            articleId={article.id}
            onRemoteImages={setRemoteImages}
            statusBar={statusLine}
            locked={readOnly || !!conflict}
          />
        </div>
        <ArticleFieldsAside
          article={article}
          saver={saver}
          errors={fieldErrors}
          readOnly={readOnly}
          placement={placement}
          columns={columns}
          topics={topics}
          zoneOffset={zoneOffset}
          media={media}
          setMedia={setMedia}
          uploads={uploads}
          onAttachmentFiles={addAttachments}
          onDismissUpload={(key) => setUploads((u) => u.filter((x) => x.key !== key))}
          words={lastResult?.words ?? []}
          pendingUploads={pendingUploads}
          remoteImages={remoteImages}
          workflow={workflow}
          created={initial.id === null ? article.id : null}
        />
      </div>
      {conflict && (
        <ConflictDialog mine={article} theirs={conflict} base={saver.baseContent} lookups={lookups} onKeepMine={() => resolve("mine")} onTakeTheirs={() => resolve("theirs")} onMerge={() => resolve("merge")} />
      )}
      {merging && <MergePanel theirs={merging.theirs} base={merging.base} lookups={lookups} onDone={() => setMerging(null)} />}
    </div>
  );
}
