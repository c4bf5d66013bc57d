import type { InterpretationKind, ReportCategory } from "@/generated/prisma/enums";

/**
 * The rows of the 政府网站工作年度报表 (国办函〔2018〕12号) a CMS can count, the one list the
 * report page, its click-through lists, the XLSX and the draft article all read. Each
 * says what it counts (统计口径), shown beside the figure.
 */
export type FigureKey =
  | "published"
  | "overview"
  | "news"
  | "disclosure"
  | "topicsMaintained"
  | "topicsOpened"
  | "interpretations"
  | "interpretationMaterials"
  | "interpretationProducts"
  | "mediaCommentary"
  | "pageViews";

export interface FigureDef {
  key: FigureKey;
  section: string;
  label: string;
  unit: "条" | "个" | "次";
  /** Articles published in the year, special-topic columns, or page views. */
  kind: "articles" | "columns" | "views";
  /** For articles: the report categories of their columns; null for every column. */
  categories?: readonly ReportCategory[] | null;
  /**
   * For interpretations (解读): "any" — in a 解读 column or marked with an interpretation kind
   * (lib/documents) — or only those of these kinds.
   */
  interpretation?: "any" | readonly InterpretationKind[];
  basis: string;
}

export const ANNUAL_FIGURES: readonly FigureDef[] = [
  { key: "published", section: "信息发布", label: "总数", unit: "条", kind: "articles", categories: null, basis: "公开日期在本年度的全部已发布文章（各栏目）" },
  { key: "overview", section: "信息发布", label: "概况类信息更新量", unit: "条", kind: "articles", categories: ["OVERVIEW"], basis: "报表分类为“概况类”的栏目中发布的文章" },
  { key: "news", section: "信息发布", label: "政务动态信息更新量", unit: "条", kind: "articles", categories: ["NEWS"], basis: "报表分类为“政务动态”的栏目中发布的文章" },
  { key: "disclosure", section: "信息发布", label: "信息公开目录信息公开总条数", unit: "条", kind: "articles", categories: ["DISCLOSURE"], basis: "报表分类为“信息公开目录”的栏目中发布的文章" },
  { key: "topicsMaintained", section: "专栏专题", label: "维护数量", unit: "个", kind: "columns", basis: "报表分类为“专栏专题”、在本年度结束前已开设且目前未隐藏的栏目" },
  { key: "topicsOpened", section: "专栏专题", label: "新开设数量", unit: "个", kind: "columns", basis: "报表分类为“专栏专题”、在本年度内开设的栏目" },
  { key: "interpretations", section: "解读回应", label: "解读信息发布总数", unit: "条", kind: "articles", interpretation: "any", basis: "报表分类为“解读”的栏目中发布的文章，以及标明了解读类型的文章，下列按栏目分列" },
  // The form's breakdown, from each interpretation's kind (文字解读, 图解, 媒体解读…, set in the editor).
  { key: "interpretationMaterials", section: "解读回应", label: "其中：解读材料数量", unit: "条", kind: "articles", interpretation: ["TEXT", "EXPERT", "PRESS"], basis: "解读类型为文字解读、专家解读或答记者问的文章" },
  { key: "interpretationProducts", section: "解读回应", label: "其中：解读产品数量", unit: "条", kind: "articles", interpretation: ["GRAPHIC", "VIDEO"], basis: "解读类型为图文解读/图解或视频解读的文章" },
  { key: "mediaCommentary", section: "解读回应", label: "其中：媒体评论文章数量", unit: "条", kind: "articles", interpretation: ["MEDIA"], basis: "解读类型为媒体解读的文章" },
  { key: "pageViews", section: "访问量", label: "全年文章浏览量", unit: "次", kind: "views", basis: "本年度各日文章浏览量之和" },
];

export function figureDef(key: string | undefined): FigureDef | undefined {
  return ANNUAL_FIGURES.find((f) => f.key === key);
}
