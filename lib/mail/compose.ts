import { escapeHtml } from "@/lib/export/escape";
import { fill } from "@/lib/i18n/fill";
import { MESSAGE_TEXT } from "@/lib/messages/text";
import type { MessageKind } from "@/generated/prisma/enums";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * The mail of one 站内消息: the message itself, the article's admin link, and how to
 * stop such mail. Plain text and HTML carry the same words; every value in the HTML is
 * escaped, and the subject is one line (a title with line breaks cannot add headers).
 */
export function composeMessageMail(input: { siteName: string; siteUrl: string; kind: MessageKind; title: string; text: string; articleId: number | null }): MailContent {
  const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
  const subject = oneLine(fill(MESSAGE_TEXT.mailSubject, { site: input.siteName, kind: MESSAGE_TEXT.kinds[input.kind], title: input.title }));
  const articleUrl = input.articleId === null ? null : `${input.siteUrl}/admin/articles/${input.articleId}`;
  const accountUrl = `${input.siteUrl}/admin/account`;
  const footer = fill(MESSAGE_TEXT.mailFooter, { url: accountUrl });
  const lines = [input.text, ...(articleUrl ? [fill(MESSAGE_TEXT.mailLink, { url: articleUrl })] : []), "", "—", footer];
  const text = lines.join("\n");
  const link = articleUrl ? `<p><a href="${escapeHtml(articleUrl)}">${escapeHtml(MESSAGE_TEXT.openArticle)}</a></p>` : "";
  const html = `<!doctype html><html lang="zh-CN"><body><p>${escapeHtml(input.text)}</p>${link}<hr><p style="color:#555;font-size:12px">${escapeHtml(footer)}</p></body></html>`;
  return { subject, text, html };
}
