import { describe, expect, it } from "vitest";
import { articleContentSchema, saveArticleSchema } from "@/lib/articles/schema";
import { DEFAULT_INDEX_NO_PATTERN, indexNoProblem } from "./index-no";
import { DOC_NO_MESSAGE, normalizeDocNo } from "./schema";
import { effectiveValidity, isDocument, validitySentence } from "./validity";

const doc = { type: "doc", content: [{ type: "paragraph" }] };
const parse = (fields: Record<string, unknown>) => articleContentSchema.safeParse({ title: "关于印发《乌海市安全生产工作方案》的通知", columnId: 1, bodyJson: doc, ...fields });
const errorsOf = (result: ReturnType<typeof parse>) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("发文字号", () => {
  it.each([
    ["乌府办发[2023]12号", "乌府办发〔2023〕12号"],
    ["乌府办发(2023)12号", "乌府办发〔2023〕12号"],
    ["乌府办发（2023）12号", "乌府办发〔2023〕12号"],
    ["乌府办发【2023】12号", "乌府办发〔2023〕12号"],
    ["乌府办发 〔2023〕 12号", "乌府办发〔2023〕12号"],
    ["乌海政办发〔2023〕2号", "乌海政办发〔2023〕2号"],
  ])("%s is stored as %s", (typed, stored) => {
    expect(normalizeDocNo(typed)).toBe(stored);
    expect(parse({ docNo: typed }).data?.docNo).toBe(stored);
  });

  it.each(["乌府办发2023年12号", "〔2023〕12号", "乌府办发〔23〕12号", "乌府办发〔2023〕第十二号"])("refuses %s with a message on the field", (typed) => {
    expect(errorsOf(parse({ docNo: typed }))).toEqual({ docNo: DOC_NO_MESSAGE });
  });

  it("is optional: blank is none", () => {
    expect(parse({ docNo: "  " }).data?.docNo).toBeNull();
  });
});

describe("dates and validity between fields", () => {
  it("refuses a 成文日期 after the 公开日期, compared as days in the display zone", () => {
    expect(errorsOf(parse({ writtenAt: "2024-03-02", publishedAt: "2024-03-01T10:00:00+08:00" }))).toEqual({ writtenAt: "成文日期不能晚于公开日期" });
    // 00:30 on 2 March in Beijing is still 1 March in UTC: the same day, accepted.
    expect(parse({ writtenAt: "2024-03-02", publishedAt: "2024-03-02T00:30:00+08:00" }).success).toBe(true);
  });

  it("asks for the date of an amendment, repeal or expiry, next to that field", () => {
    expect(errorsOf(parse({ validity: "REPEALED" }))).toEqual({ validityDate: "请填写修改、废止或失效的日期" });
    expect(parse({ validity: "REPEALED", validityDate: "2024-03-01", replacedById: 8 }).success).toBe(true);
  });

  it("names a replacement only for an amended or repealed document, never itself", () => {
    expect(errorsOf(parse({ replacedById: 8 }))).toEqual({ replacedById: "只有“已修改”或“已废止”的文件才有修改或替代文件" });
    const self = saveArticleSchema.safeParse({ title: "文件", columnId: 1, bodyJson: doc, validity: "AMENDED", validityDate: "2024-03-01", replacedById: 5, id: 5, baseVersion: 1 });
    expect(self.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["replacedById", "修改或替代文件不能是本文件"]]);
  });

  it("refuses validity dates before the 成文日期", () => {
    expect(errorsOf(parse({ writtenAt: "2024-03-01", validity: "EXPIRED", validityDate: "2024-02-01", validUntil: "2024-01-01" }))).toEqual({
      validityDate: "有效性变更日期不能早于成文日期",
      validUntil: "有效期至不能早于成文日期",
    });
  });
});

describe("what a reader is told", () => {
  const stored = { validity: "VALID" as const, validityDate: null, validUntil: day("2024-03-01") };

  it("reads 已失效 from the 有效期至 on, whether or not the scheduler has run", () => {
    expect(effectiveValidity(stored, "2024-02-29")).toEqual({ state: "VALID", since: null });
    expect(effectiveValidity(stored, "2024-03-01")).toEqual({ state: "EXPIRED", since: day("2024-03-01") });
    expect(validitySentence(effectiveValidity(stored, "2024-03-02"))).toBe("本文件已于2024年3月1日失效");
  });

  it("says when a document was repealed, in Chinese date words", () => {
    const repealed = effectiveValidity({ validity: "REPEALED", validityDate: day("2024-03-01"), validUntil: null });
    expect(validitySentence(repealed)).toBe("本文件已于2024年3月1日废止");
    expect(validitySentence({ state: "AMENDED", since: null })).toBe("本文件已修改");
    expect(validitySentence({ state: "VALID", since: null })).toBeNull();
  });

  it("treats articles with a 发文字号 or in a 信息公开目录 column as documents", () => {
    expect(isDocument({ docNo: "乌府发〔2024〕1号", reportCategory: "NEWS" })).toBe(true);
    expect(isDocument({ docNo: null, reportCategory: "DISCLOSURE" })).toBe(true);
    expect(isDocument({ docNo: " ", reportCategory: null })).toBe(false);
  });
});

describe("索引号 in the site's format", () => {
  it("accepts the default format, the seed's numbers among them", () => {
    expect(indexNoProblem("11150300011527560L/2023-00008", DEFAULT_INDEX_NO_PATTERN)).toBeNull();
    expect(indexNoProblem("11150300mb1234567x/2023-00012", DEFAULT_INDEX_NO_PATTERN)).toBeNull();
    expect(indexNoProblem(null, DEFAULT_INDEX_NO_PATTERN)).toBeNull();
  });

  it("explains the format with an example when a number does not fit", () => {
    expect(indexNoProblem("2023-00008", DEFAULT_INDEX_NO_PATTERN)).toBe(
      "索引号应符合本站格式“XXXXXXXXXXXXXXXXXX/####-#####”（X 为字母或数字，# 为数字），例如 11150300011527560L/1234-56789",
    );
    expect(indexNoProblem("11150300011527560L-2023-00008", DEFAULT_INDEX_NO_PATTERN)).not.toBeNull();
  });

  it("follows another site's pattern, whose other characters stand for themselves; an empty one checks nothing", () => {
    expect(indexNoProblem("WH-2024.(7)", "XX-####.(#)")).toBeNull();
    expect(indexNoProblem("WH-2024x(7)", "XX-####.(#)")).not.toBeNull();
    expect(indexNoProblem("anything", "")).toBeNull();
  });
});
