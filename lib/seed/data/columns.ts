import type { SeedColumn } from "./types";

/**
 * 栏目树, modelled on a municipal government portal (乌海市人民政府). Each column's 年度报表
 * category also sets its default update period for the 站点体检 (lib/columns/report-category.ts):
 * 要闻/动态 are 政务动态 (2 weeks), 通知公告 and the 政务公开 documents 信息公开目录 (6 months).
 */
export const seedColumns: SeedColumn[] = [
  { name: "首页要闻", slug: "headlines", reportCategory: "NEWS", reviewLevels: 2 },
  { name: "乌海要闻", slug: "wuhai-news", reportCategory: "NEWS", reviewLevels: 1 },
  {
    name: "部门动态",
    slug: "department-news",
    reportCategory: "NEWS",
    reviewLevels: 1,
    children: [
      { name: "发改委动态", slug: "ndrc-news", reportCategory: "NEWS", reviewLevels: 1 },
      { name: "生态环境动态", slug: "ecology-news", reportCategory: "NEWS", reviewLevels: 1 },
      { name: "教育动态", slug: "education-news", reportCategory: "NEWS", reviewLevels: 1 },
    ],
  },
  { name: "媒体解读", slug: "media-interpretation", reportCategory: "INTERPRETATION", reviewLevels: 1 },
  {
    name: "政策解读",
    slug: "policy-interpretation",
    reportCategory: "INTERPRETATION",
    reviewLevels: 2,
    children: [
      { name: "文字解读", slug: "policy-text", reportCategory: "INTERPRETATION", reviewLevels: 2 },
      { name: "图解", slug: "policy-graphics", reportCategory: "INTERPRETATION", reviewLevels: 2 },
    ],
  },
  { name: "通知公告", slug: "notices", reportCategory: "DISCLOSURE", reviewLevels: 2 },
  {
    name: "政务公开",
    slug: "disclosure",
    reportCategory: "DISCLOSURE",
    reviewLevels: 3,
    children: [
      { name: "政府文件", slug: "government-documents", reportCategory: "DISCLOSURE", reviewLevels: 3 },
      { name: "人事信息", slug: "personnel", reportCategory: "DISCLOSURE", reviewLevels: 3 },
    ],
  },
];
