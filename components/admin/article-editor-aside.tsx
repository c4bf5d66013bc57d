"use client";

import { useRouter } from "next/navigation";
import type { RemoteSummary } from "@/components/editor/remote-images";
import type { EditorArticle, SaveResult } from "@/lib/articles/editor-model";
import type { MediaItem } from "@/lib/media/library";
import { ArticleSaver } from "./article-saver";
import { AttachmentsField, type AttachmentUpload } from "./attachments-field";
import { MetaFields, type ColumnChoice, type PlacementMode } from "./article-fields";
import { CoverField } from "./cover-field";
import { EditorChecks } from "./editor-checks";
import { WorkflowActions } from "./workflow-actions";
import { t } from "@/lib/i18n/zh-CN";

interface Props {
  article: EditorArticle;
  saver: ArticleSaver;
  errors: Record<string, string[]>;
  readOnly: boolean;
  placement?: PlacementMode;
  columns: ColumnChoice[];
  /** The managed 主题分类 list. */
  topics: string[];
  zoneOffset: string;
  media: Record<number, MediaItem>;
  setMedia: (update: (all: Record<number, MediaItem>) => Record<number, MediaItem>) => void;
  uploads: AttachmentUpload[];
  onAttachmentFiles: (files: File[]) => void;
  onDismissUpload: (key: string) => void;
  words: SaveResult["words"];
  pendingUploads: number;
  remoteImages: RemoteSummary;
  workflow?: React.ReactNode;
  /** Id of an article created on this page: a new draft, whose only step is 提交审核. */
  created: number | null;
}

/** The editor's side column: publishing settings, cover, attachments, checks, review. */
export function ArticleFieldsAside(p: Props) {
  const a = t.articlesAdmin;
  const update = (patch: Partial<EditorArticle>) => p.saver.update(patch);
  const cover = p.article.coverId ? p.media[p.article.coverId] ?? null : null;
  return (
    <aside className="editor-side" aria-label={a.settings}>
      <section className="side-card">
        <h2>{a.publishing}</h2>
        <MetaFields article={p.article} update={update} errors={p.errors} disabled={p.readOnly} columns={p.columns} zoneOffset={p.zoneOffset} placement={p.placement} topics={p.topics} />
      </section>
      <section className="side-card">
        <h2>{a.cover}</h2>
        <CoverField
          cover={cover}
          disabled={p.readOnly}
          onChange={(item) => {
            if (item) p.setMedia((all) => ({ ...all, [item.id]: item }));
            update({ coverId: item?.id ?? null });
          }}
        />
      </section>
      <section className="side-card">
        <h2>{a.attachments}</h2>
        <AttachmentsField
          attachments={p.article.attachments}
          media={p.media}
          uploads={p.uploads}
          disabled={p.readOnly}
          onChange={(attachments) => update({ attachments })}
          onFiles={p.onAttachmentFiles}
          onDismiss={p.onDismissUpload}
        />
      </section>
      <section className="side-card">
        <h2>{a.checks}</h2>
        <EditorChecks doc={p.article.bodyJson} words={p.words} pendingUploads={p.pendingUploads} remoteImages={p.remoteImages} />
      </section>
      {p.created !== null ? (
        <NewDraftWorkflow articleId={p.created} version={p.article.version} zoneOffset={p.zoneOffset} />      ) : (
        p.workflow
      )}
    </aside>
  );
}

/**
 * The review panel of a draft created on this page, ready at once: the editor stays
 * where they are (no "open the article page" detour). After submitting, the article's
 * own page takes over (its full panel and history, the editor as review allows).
 */
function NewDraftWorkflow({ articleId, version, zoneOffset }: { articleId: number; version: number; zoneOffset: string }) {
  const router = useRouter();
  return (
    <section className="workflow-panel side-card" aria-labelledby="workflow-heading" data-testid="workflow-panel">
      <h2 id="workflow-heading" tabIndex={-1}>审核与发布</h2>
      <p className="workflow-status">
        状态：
        <span className="badge badge-draft" data-testid="workflow-status">
          {t.admin.status_DRAFT}
        </span>
      </p>
      <p className="muted">{t.articlesAdmin.draftCreated}</p>
      <WorkflowActions
        articleId={articleId}
        version={version}
        actions={["submit"]}
        wasLive={false}
        zoneOffset={zoneOffset}
        afterAction={() => router.replace(`/admin/articles/${articleId}`)}
      />
    </section>
  );
}
