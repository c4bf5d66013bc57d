import { fill } from "@/lib/i18n/fill";
import { FORMATS } from "@/lib/settings/schema";
import { healthText as H } from "./text";

/**
 * The footer identity a government site must show (《政府网站发展指引》): 主办单位, 政府网站
 * 标识码, ICP 备案号, 公网安备案号 — present and in the formats the settings form checks
 * (lib/settings/schema.ts FORMATS, the one definition). Pure; returns the problems in words.
 */
export interface FooterIdentity {
  host: string;
  siteCode: string;
  icpFiling: string;
  psbFiling: string;
}

const FORMATTED = ["siteCode", "icpFiling", "psbFiling"] as const;

export function footerProblems(footer: FooterIdentity): string[] {
  const problems: string[] = [];
  if (!footer.host.trim()) problems.push(fill(H.message.footerMissing, { field: H.footerFields.host }));
  for (const field of FORMATTED) {
    // As the settings form stores it: folded to half-width first.
    const value = footer[field].normalize("NFKC").trim();
    if (!value) problems.push(fill(H.message.footerMissing, { field: H.footerFields[field] }));
    else if (!FORMATS[field].test(value)) problems.push(fill(H.message.footerMalformed, { field: H.footerFields[field], value, hint: H.footerHints[field] }));
  }
  return problems;
}
