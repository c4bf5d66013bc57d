/**
 * Download names from the article title. Content-Disposition carries an ASCII
 * fallback and the real name in RFC 5987 form (filename*=UTF-8''…), which every
 * current browser uses.
 */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

export function fileBaseName(title: string, fallback: string): string {
  const cleaned = title.replace(FORBIDDEN, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  // 80 characters keep the name readable and well inside every file system's limit.
  const short = [...cleaned].slice(0, 80).join("").trim();
  return short || fallback;
}

/** RFC 5987 ext-value encoding: percent-encode everything outside attr-char. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback.replace(/["\\]/g, "")}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
