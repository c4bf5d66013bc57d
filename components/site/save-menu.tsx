import { t } from "@/lib/i18n/zh-CN";

/**
 * 保存: the two downloads. A <details> menu, so it needs no JavaScript; the server
 * names the files after the title (Content-Disposition).
 */
export function SaveMenu({ articleId }: { articleId: number }) {
  const href = (format: "html" | "docx") => `/articles/${articleId}/download?format=${format}`;
  return (
    <details className="save-menu">
      <summary className="action-button">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
          <path fill="currentColor" d="M11 3h2v9.2l3.3-3.3 1.4 1.4L12 16l-5.7-5.7 1.4-1.4 3.3 3.3V3ZM4 18h16v2H4v-2Z" />
        </svg>
        {t.site.savePage}
      </summary>
      <ul aria-label={t.site.saveAs}>
        <li>
          <a href={href("html")} download>
            {t.site.saveHtml}
          </a>
        </li>
        <li>
          <a href={href("docx")} download>
            {t.site.saveDocx}
          </a>
        </li>
      </ul>
    </details>
  );
}
