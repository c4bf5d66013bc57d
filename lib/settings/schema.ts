import { z } from "zod";
import { DEFAULT_INDEX_NO_PATTERN } from "@/lib/documents/index-no";
import { allowEntryError, splitAllowList } from "@/lib/net/allow-list-syntax";

/**
 * Formats of the footer fields a government site must show (《政府网站发展指引》,
 * MIIT and MPS filing numbers). Full-width digits and punctuation pasted from a Word
 * document are folded to half-width first (NFKC), so "蒙ICP备05000809号－1" passes.
 */
const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

export const FORMATS = {
  /** 政府网站标识码: 10 letters or digits, e.g. 1503000001 (ministries: bm07000001). */
  siteCode: /^[0-9A-Za-z]{10}$/,
  /** ICP备案号, e.g. 蒙ICP备05000809号, 粤ICP备2021012345号-2. */
  icpFiling: new RegExp(`^[${PROVINCES}]ICP备\\d{6,10}号(?:-\\d{1,3})?$`),
  /** 公网安备案号: 14 digits, e.g. 蒙公网安备15030202000006号 (the closing 号 is often left off). */
  psbFiling: new RegExp(`^[${PROVINCES}]公网安备 ?\\d{14}号?$`),
  /** 邮编 */
  postcode: /^\d{6}$/,
  /** 网站维护电话: area code and number, optionally an extension, e.g. 0473-3998508. */
  phone: /^0\d{2,3}-\d{7,8}(?:-\d{1,6})?$/,
} as const;

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字符`);

/** Optional, but when given it must have the format; folded to half-width first. */
const formatted = (pattern: RegExp, message: string) =>
  z
    .string()
    .transform((v) => v.normalize("NFKC").trim())
    .refine((v) => v === "" || pattern.test(v), message);

export const settingsSchema = z.object({
  siteName: text(50, "网站名称").min(1, "请输入网站名称"),
  host: text(100, "主办单位").min(1, "请输入主办单位"),
  maintainer: text(100, "维护单位").default(""),
  address: text(200, "地址").default(""),
  postcode: formatted(FORMATS.postcode, "邮编为 6 位数字，例如 016000"),
  phone: formatted(FORMATS.phone, "电话格式为“区号-号码”，例如 0473-3998508"),
  psbFiling: formatted(FORMATS.psbFiling, "公网安备案号格式为“省份简称 + 公网安备 + 14 位数字 + 号”，例如 蒙公网安备15030202000006号"),
  icpFiling: formatted(FORMATS.icpFiling, "ICP 备案号格式为“省份简称 + ICP备 + 数字 + 号”，可带“-序号”，例如 蒙ICP备05000809号"),
  siteCode: formatted(FORMATS.siteCode, "政府网站标识码为 10 位字母或数字，例如 1503000001"),
  copyright: text(200, "版权声明").default(""),
  showPartyGovBadge: z.boolean(),
  require2faForStaff: z.boolean(),
  /** 站点体检 also checks links to other sites (off: many intranets have no internet). */
  checkExternalLinks: z.boolean().default(false),
  /** 索引号 format (lib/documents/index-no.ts); empty: not checked. */
  indexNoPattern: z.string().trim().max(60, "索引号格式不能超过 60 个字符").default(DEFAULT_INDEX_NO_PATTERN),
  /** Intranet image hosts the server may fetch pictures from (lib/net/address-policy.ts), one a line. */
  remoteImageHosts: z
    .string()
    .max(2000, "内网图片服务器列表不能超过 2000 个字符")
    .default("")
    .transform((v) => splitAllowList(v.normalize("NFKC")))
    .superRefine((entries, ctx) => {
      if (entries.length > 50) ctx.addIssue({ code: "custom", message: "内网图片服务器最多 50 项" });
      for (const entry of entries) {
        const error = allowEntryError(entry);
        if (error) ctx.addIssue({ code: "custom", message: error });
      }
    })
    .transform((entries) => entries.join("\n")),
});

export type SettingsInput = z.output<typeof settingsSchema>;

/** 1.5 MB: the upload travels in a server action, whose body limit is 2 MB (next.config.js). */
export const LOGO_MAX_BYTES = 1_500_000;

export const logoUploadSchema = z
  .instanceof(FormData, { message: "请选择图片文件" })
  .transform((form) => form.get("logo"))
  .pipe(
    z
      .instanceof(File, { message: "请选择图片文件" })
      .refine((file) => file.size > 0, "请选择图片文件")
      .refine((file) => file.size <= LOGO_MAX_BYTES, "标志图片不能超过 1.5 MB"),
  );

export const removeLogoSchema = z.object({});
