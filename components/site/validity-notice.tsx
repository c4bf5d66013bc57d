import { documentText } from "@/lib/documents/text";
import { validitySentence, type DocumentView } from "@/lib/documents/validity";

/**
 * The line at the top of an amended, repealed or expired document's page, in words (the
 * colour only repeats them): 政府网站发展指引 asks that the original page say so.
 */
export function ValidityNotice({ document }: { document: DocumentView }) {
  const sentence = validitySentence(document);
  if (!sentence) return null;
  return (
    <aside className="validity-notice" data-state={document.state} aria-label={documentText.noticeHeading} data-testid="validity-notice">
      <p>
        {sentence}
        {document.replacement && (
          <>
            {documentText.noticeSee}
            <a href={`/articles/${document.replacement.id}`}>《{document.replacement.title}》</a>
          </>
        )}
        。
      </p>
    </aside>
  );
}

/** The state as a short label beside a title in lists and search results. */
export function ValidityBadge({ state }: { state: DocumentView["state"] }) {
  if (state === "VALID") return null;
  return (
    <span className="validity-badge" data-state={state}>
      {documentText.states[state]}
    </span>
  );
}
