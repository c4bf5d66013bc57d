import { t } from "@/lib/i18n/zh-CN";
import { StatusNotice } from "./status-notice";

/**
 * 404 for unknown addresses, drafts, scheduled and unknown articles and columns. The
 * cached routes (articles, columns) render it as their page rather than calling
 * notFound(), so that the answer is plain like every reading page.
 */
export function NotFoundNotice() {
  return (
    <StatusNotice status={404} title={t.common.notFound}>
      {t.common.notFoundHint}
    </StatusNotice>
  );
}
