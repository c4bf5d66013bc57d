import type { AttachmentView } from "@/lib/articles/view";
import { fileTypeLabel, formatFileSize } from "@/lib/export/file-info";
import { t } from "@/lib/i18n/zh-CN";

/** 附件: each with its type and size, so a reader on a phone knows what they are about to download. */
export function AttachmentList({ attachments }: { attachments: AttachmentView[] }) {
  if (attachments.length === 0) return null;
  return (
    <section className="article-attachments" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t.site.attachments}</h2>
      <ol>
        {attachments.map((a, i) => (
          <li key={`${a.href}-${i}`}>
            <a href={a.href} download={a.name}>
              {a.name}
            </a>
            <span className="attachment-info">
              （{fileTypeLabel(a.mimeType, a.name)}，{formatFileSize(a.size)}）
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
