import type { SeedColumn } from "./types";

/** 栏目树, modelled on a municipal government portal (乌海市人民政府). */
export const seedColumns: SeedColumn[] = [
  { name: "首页要闻", slug: "headlines", reviewLevels: 2 },
  { name: "乌海要闻", slug: "wuhai-news", reviewLevels: 1 },
  {
    name: "部门动态",
    slug: "department-news",
    reviewLevels: 1,
    children: [
      { name: "发改委动态", slug: "ndrc-news", reviewLevels: 1 },
      { name: "生态环境动态", slug: "ecology-news", reviewLevels: 1 },
      { name: "教育动态", slug: "education-news", reviewLevels: 1 },
    ],
  },
  { name: "媒体解读", slug: "media-interpretation", reviewLevels: 1 },
  {
    name: "政策解读",
    slug: "policy-interpretation",
    reviewLevels: 2,
    children: [
      { name: "文字解读", slug: "policy-text", reviewLevels: 2 },
      { name: "图解", slug: "policy-graphics", reviewLevels: 2 },
    ],
  },
  { name: "通知公告", slug: "notices", reviewLevels: 2 },
  {
    name: "政务公开",
    slug: "disclosure",
    reviewLevels: 3,
    children: [
      { name: "政府文件", slug: "government-documents", reviewLevels: 3, reportCategory: "DISCLOSURE" },
      { name: "人事信息", slug: "personnel", reviewLevels: 3 },
    ],
  },
];
