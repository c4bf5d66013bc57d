import { displayTitle } from "@/lib/articles/format";
import type { ArticleViewData } from "@/lib/articles/view";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { AttachmentList } from "./attachment-list";
import { DisclosureTable } from "./disclosure-table";
import { CloseButton, FontSizeSwitch, PrintButton, ViewCount } from "./reader-controls";
import { SaveMenu } from "./save-menu";
import { ValidityNotice } from "./validity-notice";

export interface ArticleViewProps {
  article: ArticleViewData;
  /**
   * "public": the citizen's page — counts the view, offers 打印 / 保存 / 关闭.
   * "preview": the editors' preview of unpublished content — no view counting, no
   * downloads (they serve only published articles), no 关闭.
   */
  mode: "public" | "preview";
  /** Where 关闭 goes when the window cannot be closed (public mode): the column, or "/". */
  closeHref?: string;
}

/**
 * An article as the public reads it: disclosure table, title, metadata line with the
 * actions, body, attachments, corrections. Page chrome (breadcrumb, 上一条/下一条,
 * related, print footer) belongs to the page around it.
 */
export function ArticleView({ article, mode, closeHref = "/" }: ArticleViewProps) {
  const s = t.site;
  const isPublic = mode === "public" && article.id !== null;
  return (
    <article className="article" aria-labelledby="article-title" data-mode={mode}>
      {article.document && <ValidityNotice document={article.document} />}
      {article.disclosure && (
        <DisclosureTable
          disclosure={article.disclosure}
          title={article.title}
          titleTags={article.titleTags}
          publishedAt={article.publishedAt}
          validity={article.document?.state}
        />
      )}
      <header className="article-header">
        <h1 id="article-title" className="article-title">
          {displayTitle(article.title, article.titleTags)}
        </h1>
        {article.subtitle && <p className="article-subtitle">{article.subtitle}</p>}
        <div className="article-meta-bar">
          <p className="article-meta">
            <span>
              {s.publishDate}：
              {article.publishedAt ? <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time> : "—"}
            </span>
            {article.author && (
              <span>
                {s.author}：{article.author}
              </span>
            )}
            {article.source && (
              <span>
                {s.source}：{article.source}
              </span>
            )}
            <span>
              {s.views}：{isPublic ? <ViewCount articleId={article.id!} initial={article.viewCount} /> : article.viewCount}
            </span>
          </p>
          <div className="article-tools">
            <FontSizeSwitch />
            <div className="article-actions">
              <PrintButton />
              {isPublic && <SaveMenu articleId={article.id!} />}
              {isPublic && <CloseButton fallbackHref={closeHref} />}
            </div>
          </div>
        </div>
      </header>
      {/* bodyHtml was rendered from the editor's JSON and passed through the allowlist sanitizer when it was saved. */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      <AttachmentList attachments={article.attachments} />
      {article.corrections.length > 0 && (
        <section className="article-corrections" aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">{s.corrections}</h2>
          <ul>
            {article.corrections.map((c, i) => (
              <li key={i}>
                <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt)}</time>　{c.note}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
