/**
 * 旧网址: the one key under which an old address is kept and looked up, so that every
 * common variant of it finds the same redirect — http or https, any host (the old
 * domain now points at Gazette), a trailing slash, a directory index (index.html,
 * index.htm, index.shtml, default.htm…), a query string or fragment, percent-escapes
 * written in upper or lower case or not at all. Pure; used by the importer when it
 * records an address and by the app server and the nginx file when they answer one.
 */
const DIRECTORY_INDEX = /\/(?:index|default)\.(?:html?|shtml|php|jsp|aspx?)$/i;

/** Decodes what decodes; a malformed escape is kept as it is (old sites have them). */
function decodeLoosely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The normalised path of an address (absolute, or a path on the old site), or null
 * for one that cannot be a page of its own: the home page, another scheme.
 */
export function oldPathKey(address: string): string | null {
  let pathname: string;
  try {
    const url = new URL(address.trim(), "http://old.invalid");
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    pathname = url.pathname;
  } catch {
    return null;
  }
  const segments = pathname.split("/").map((s) => encodeURIComponent(decodeLoosely(s)));
  let path = segments.join("/").replace(/\/{2,}/g, "/");
  path = path.replace(DIRECTORY_INDEX, "/");
  if (path.length > 1) path = path.replace(/\/+$/, "");
  if (path === "" || path === "/") return null;
  return path.slice(0, 1000);
}

/** The addresses nginx must answer for one key: the key, with a slash, and as a directory index. */
export function pathVariants(key: string): string[] {
  const decoded = key.split("/").map(decodeLoosely).join("/");
  const forms = new Set([key, decoded]);
  const variants: string[] = [];
  for (const form of forms) {
    variants.push(form);
    if (!/\.[a-z0-9]{2,5}$/i.test(form)) variants.push(`${form}/`, `${form}/index.html`, `${form}/index.htm`);
  }
  return [...new Set(variants)];
}
