import { describe, expect, it } from "vitest";
import { contentDisposition, fileBaseName } from "./filename";

describe("download file names", () => {
  it("keeps the Chinese title and drops characters file systems refuse", () => {
    expect(fileBaseName("【媒体解读】乌海:笃行实干 奋勇争先/全力推动“五大任务”见行见效?", "article-1")).toBe(
      "【媒体解读】乌海 笃行实干 奋勇争先 全力推动“五大任务”见行见效",
    );
  });

  it("falls back when nothing usable is left, and shortens long titles", () => {
    expect(fileBaseName(" ..//:: ", "article-7")).toBe("article-7");
    expect([...fileBaseName("长".repeat(200), "x")]).toHaveLength(80);
  });

  it("sends an ASCII fallback and the UTF-8 name in RFC 5987 form", () => {
    const header = contentDisposition("通知（2023）.docx", "article-3.docx");
    expect(header).toBe(`attachment; filename="article-3.docx"; filename*=UTF-8''${encodeURIComponent("通知").concat("%EF%BC%882023%EF%BC%89.docx")}`);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe("通知（2023）.docx");
    expect(contentDisposition("a'b(c).html", "x.html")).toContain("filename*=UTF-8''a%27b%28c%29.html");
  });
});
