import { renderRichText, richTextToPlainText, type RichTextNode } from "@/lib/sanitize/tiptap";

export interface PreparedBody {
  bodyJson: RichTextNode;
  bodyHtml: string;
  bodyText: string;
}

/** Everything stored for a body, made from the editor's JSON in one place. */
export function prepareBody(doc: RichTextNode): PreparedBody {
  return { bodyJson: doc, bodyHtml: renderRichText(doc), bodyText: richTextToPlainText(doc) };
}

/** The content fields a revision snapshots (see ArticleRevision). */
export const REVISION_FIELDS = [
  "title", "titleTags", "subtitle", "author", "source", "summary",
  "bodyJson", "bodyHtml", "bodyText", "coverId",
  "indexNo", "topic", "issuingOrg", "writtenAt", "docNo",
] as const;
