import { z } from "zod";

/**
 * Where a static government page keeps its parts, as CSS selectors (each list tried
 * in order, the first that matches wins). The presets cover the layouts most such sites
 * are published with; `--config <file.json>` gives one of the same shape (any preset's
 * fields may be left out to keep the preset's), and `--check` shows what it finds.
 *
 * Before any selector, the page's 政府网站 metadata is read when it has it
 * (<meta name="ArticleTitle">, "PubDate", "ContentSource", "Author"): TRS WCM and
 * Hanweb both write it.
 */
export const pageSelectorsSchema = z.object({
  name: z.string().default("自定义"),
  title: z.array(z.string()).default([]),
  body: z.array(z.string()).default([]),
  /** The line with 公开日期：… 作者：… 来源：…, read by its labels. */
  info: z.array(z.string()).default([]),
  date: z.array(z.string()).default([]),
  author: z.array(z.string()).default([]),
  source: z.array(z.string()).default([]),
  /** Inside the body: what is no part of the article (share buttons, print and close links…). */
  remove: z.array(z.string()).default([]),
});
export type PageSelectors = z.output<typeof pageSelectorsSchema>;

/** Left out of every body, whatever the preset. */
export const ALWAYS_REMOVED = [
  "script",
  "style",
  "iframe",
  "form",
  "nav",
  "button",
  ".share",
  ".bdsharebuttonbox",
  ".bshare-custom",
  ".social-share",
  "[class*=share]",
  "[id*=share]",
  "[class*=print]",
  "[id*=print]",
];

export const PRESETS: Record<string, PageSelectors> = {
  /** Gazette's own reading page, and the reference site's (公开日期：… 作者：… 来源：…). */
  reference: {
    name: "reference",
    title: ["h1.article-title", ".article-header h1", "h1"],
    body: [".article-body", ".article-content"],
    info: [".article-meta", ".article-meta-bar", ".article-info"],
    date: ["time[datetime]"],
    author: [],
    source: [],
    remove: [".article-tools", ".article-actions", ".font-size-switch"],
  },
  /** TRS WCM (拓尔思): …/t20230730_123456.html, the body in .TRS_Editor. */
  trs: {
    name: "trs",
    title: [".article-title", ".detail-title", "td.title", ".title", "h1", "h2"],
    body: [".TRS_Editor", ".trs_editor_view", ".TRS_UEDITOR", ".view.TRS_UEDITOR", "#content .view", ".detail-content", ".article-con"],
    info: [".article-info", ".detail-info", ".info", ".property", ".fbxx", ".source"],
    date: [".time", ".date"],
    author: [],
    source: [],
    remove: [".fenxiang", ".dyfx", ".bottom-btns", ".article-tool"],
  },
  /** Hanweb (大汉): …/art/2023/7/30/art_123_456.html, the body in #zoom. */
  hanweb: {
    name: "hanweb",
    title: ["#title", ".title", "td.title", ".bt", "h1"],
    body: ["#zoom", "#UCAP-CONTENT", ".bt-article-content", "#Zoom", ".main-txt", ".article-content"],
    info: [".fbxx", ".xxgk_info", ".info", ".article-info", "#info", ".msg"],
    date: [".time", "#pubdate", ".date"],
    author: [],
    source: [],
    remove: [".fx", ".share-box", ".tool", ".print-close"],
  },
};

export const PRESET_NAMES = Object.keys(PRESETS);

const selectorList = z.array(z.string().min(1)).optional();
/** A config file: any of a preset's fields; an unknown one is a mistake worth saying. */
const configSchema = z.strictObject({
  name: z.string().optional(),
  title: selectorList,
  body: selectorList,
  info: selectorList,
  date: selectorList,
  author: selectorList,
  source: selectorList,
  remove: selectorList,
});

/** A preset with a config file's fields over it. */
export function withConfig(base: PageSelectors | null, config: unknown): PageSelectors {
  const parsed = configSchema.parse(config);
  const start = base ?? pageSelectorsSchema.parse({});
  return { ...start, ...Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) };
}
