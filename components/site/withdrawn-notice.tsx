import { formatDate } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { StatusNotice } from "./status-notice";

/**
 * What a withdrawn article's address shows (撤稿), with 410 Gone: that it was taken down
 * on purpose, and when — never why (the editor's reason is internal).
 */
export function WithdrawnNotice({ withdrawnAt }: { withdrawnAt: Date }) {
  return (
    <StatusNotice status={410} title={t.site.withdrawnTitle}>
      {t.site.withdrawnBody.replace("{date}", formatDate(withdrawnAt))}
    </StatusNotice>
  );
}
