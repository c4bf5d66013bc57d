import { describe, expect, it } from "vitest";
import { referenceSettings } from "@/lib/seed/settings";
import { footerProblems } from "./footer";

describe("footerProblems", () => {
  it("accepts the reference site's footer, full-width characters pasted from Word too", () => {
    expect(footerProblems(referenceSettings)).toEqual([]);
    expect(footerProblems({ ...referenceSettings, icpFiling: "蒙ICP备05000809号－1", siteCode: "１５０３０００００１" })).toEqual([]);
  });

  it("names each missing or malformed field", () => {
    expect(footerProblems({ host: " ", siteCode: "", icpFiling: "", psbFiling: "" })).toEqual([
      "页脚缺少主办单位。",
      "页脚缺少政府网站标识码。",
      "页脚缺少ICP 备案号。",
      "页脚缺少公网安备案号。",
    ]);
    const problems = footerProblems({ ...referenceSettings, siteCode: "150300001", icpFiling: "ICP备05000809号", psbFiling: "蒙公网安备1503020200000" });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain("政府网站标识码“150300001”格式不正确：应为 10 位字母或数字");
    expect(problems[1]).toContain("ICP 备案号");
    expect(problems[2]).toContain("公网安备案号");
  });
});
