import type { DocumentValidity } from "@/generated/prisma/enums";
import { displayTitle } from "@/lib/articles/format";
import { documentText } from "@/lib/documents/text";
import { validityLabel } from "@/lib/documents/validity";
import type { DisclosureView } from "@/lib/articles/view";
import { formatCalendarDate, formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";

/** The 政务公开 catalogue table above the title: 索引号, 主题分类, 发布机构, 成文日期, 标题, 发文字号, 公开日期. */
export function DisclosureTable({
  disclosure,
  title,
  titleTags,
  publishedAt,
  validity,
}: {
  disclosure: DisclosureView;
  title: string;
  titleTags: string[];
  publishedAt: Date | null;
  /** 有效性, for a policy document. */
  validity?: DocumentValidity;
}) {
  const s = t.site;
  const dash = "—";
  return (
    <table className="disclosure-table">
      <caption className="visually-hidden">{s.disclosureTable}</caption>
      <tbody>
        <tr>
          <th scope="row">{s.indexNo}</th>
          <td>{disclosure.indexNo || dash}</td>
          <th scope="row">{s.topic}</th>
          <td>{disclosure.topic || dash}</td>
        </tr>
        <tr>
          <th scope="row">{s.issuingOrg}</th>
          <td>{disclosure.issuingOrg || dash}</td>
          <th scope="row">{s.writtenAt}</th>
          <td>{disclosure.writtenAt ? formatCalendarDate(disclosure.writtenAt) : dash}</td>
        </tr>
        <tr>
          <th scope="row">{s.titleLabel}</th>
          <td colSpan={3}>{displayTitle(title, titleTags)}</td>
        </tr>
        <tr>
          <th scope="row">{s.docNo}</th>
          <td>{disclosure.docNo || dash}</td>
          <th scope="row">{s.publishDate}</th>
          <td>{publishedAt ? formatDateTime(publishedAt) : dash}</td>
        </tr>
        {validity && (
          <tr>
            <th scope="row">{documentText.validity}</th>
            <td colSpan={3}>{validityLabel(validity)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
