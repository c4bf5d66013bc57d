/**
 * 索引号: each site numbers its 信息公开 documents its own way, most as the organ's
 * 18-character 统一社会信用代码, the year and a serial — 11150300011527560L/2023-00008.
 * The site settings hold the format as a pattern an administrator can read: X is a
 * letter or digit, # a digit, anything else stands for itself.
 */
export const DEFAULT_INDEX_NO_PATTERN = "XXXXXXXXXXXXXXXXXX/####-#####";

export function indexNoRegex(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === "X" ? "[0-9A-Z]" : c === "#" ? "\\d" : c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
  return new RegExp(`^${body}$`);
}

/** The message for a 索引号 that does not fit the site's format, or null when it fits (or nothing is checked). */
export function indexNoProblem(value: string | null, pattern: string): string | null {
  if (!value || !pattern.trim()) return null;
  if (indexNoRegex(pattern.trim()).test(value.toUpperCase())) return null;
  return `索引号应符合本站格式“${pattern.trim()}”（X 为字母或数字，# 为数字），例如 ${example(pattern.trim())}`;
}

function example(pattern: string): string {
  const code = "11150300011527560L";
  let x = 0;
  let digit = 0;
  return [...pattern].map((c) => (c === "X" ? code[x++ % code.length] : c === "#" ? String(++digit % 10) : c)).join("");
}
