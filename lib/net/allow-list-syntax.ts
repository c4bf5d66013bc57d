/**
 * The form of the intranet image hosts setting: host names, IP addresses or CIDR ranges,
 * one a line. Without node:net: the settings schema that uses it is also bundled for the
 * browser (the logo form reads its size limit), so addresses are recognised here the
 * way the URL parser reads them.
 */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export const isIPv4Syntax = (s: string) => IPV4.test(s);

export function isIPv6Syntax(s: string): boolean {
  if (!s.includes(":") || /[^0-9a-f:.]/i.test(s)) return false;
  try {
    new URL(`http://[${s}]/`);
    return true;
  } catch {
    return false;
  }
}

/** One allow-list entry checked: an error message (zh-CN) for a malformed one, or null. */
export function allowEntryError(entry: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) return `“${entry}”：只填主机名、IP 地址或网段，不带 http:// 和路径`;
  const [address, prefix, extra] = entry.split("/");
  if (extra !== undefined) return `“${entry}”不是有效的主机名或网段`;
  if (prefix !== undefined) {
    const max = isIPv4Syntax(address) ? 32 : isIPv6Syntax(address) ? 128 : -1;
    const n = Number(prefix);
    return max > 0 && /^\d{1,3}$/.test(prefix) && n <= max && n >= (max === 32 ? 8 : 16) ? null : `“${entry}”不是有效的网段（如 10.1.2.0/24，前缀不小于 /8）`;
  }
  const bare = address.replace(/^\[|\]$/g, "");
  return isIPv4Syntax(bare) || isIPv6Syntax(bare) || HOST_NAME.test(address) ? null : `“${entry}”不是有效的主机名或 IP 地址`;
}

export function splitAllowList(text: string): string[] {
  return [...new Set(text.split(/[\s,，;；]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))];
}
