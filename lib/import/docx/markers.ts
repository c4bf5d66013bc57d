/**
 * The marks the reader (./mammoth.ts) leaves in mammoth's HTML for ./html.ts and
 * ./convert.ts: a paragraph's layout at the start of its text (Private Use Area
 * characters around flags: c centred, r right-aligned, i first-line indent), and a
 * picture's placeholder address until it is stored.
 */
export const MARK_OPEN = "\uE000gz:";
export const MARK_CLOSE = "\uE001";
export const IMAGE_PREFIX = "/__docx-image/";
