import { describe, expect, it } from "vitest";
import { DEFAULT_INDEX_NO_PATTERN } from "@/lib/documents/index-no";
import { referenceSettings } from "@/lib/seed/settings";
import { settingsSchema } from "./schema";

const valid = { ...referenceSettings, require2faForStaff: false };
const errorsFor = (over: Record<string, unknown>) => {
  const result = settingsSchema.safeParse({ ...valid, ...over });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("settingsSchema", () => {
  it("accepts the reference site's footer as it is", () => {
    expect(settingsSchema.parse(valid)).toEqual({ ...valid, remoteImageHosts: "", checkExternalLinks: false, indexNoPattern: DEFAULT_INDEX_NO_PATTERN });
  });

  it("keeps the intranet image hosts one a line, and names a malformed one", () => {
    expect(settingsSchema.parse({ ...valid, remoteImageHosts: " IMG.intranet.gov.cn，10.20.0.0/16\n\n127.0.0.1 " }).remoteImageHosts).toBe("img.intranet.gov.cn\n10.20.0.0/16\n127.0.0.1");
    expect(errorsFor({ remoteImageHosts: "img.gov.cn\nhttp://10.0.0.1/" }).remoteImageHosts).toBe("“http://10.0.0.1/”：只填主机名、IP 地址或网段，不带 http:// 和路径");
    expect(errorsFor({ remoteImageHosts: "10.0.0.0/4" }).remoteImageHosts).toMatch(/不是有效的网段/);
  });

  it.each([
    ["siteCode", ["1503000001", "bm07000001", ""], ["150300000", "15030000011", "1503-00001", "１５０３０００００１x"]],
    ["icpFiling", ["蒙ICP备05000809号", "蒙ICP备05000809号-1", "粤ICP备2021012345号-12", ""], ["ICP备05000809号", "蒙ICP备05000809", "美ICP备05000809号", "蒙ICP备0500号"]],
    ["psbFiling", ["蒙公网安备15030202000006号", "蒙公网安备15030202000006", "京公网安备 11010502030143号", ""], ["蒙公网安备1503020200000号", "公网安备15030202000006号", "蒙公网安备150302020000061号"]],
    ["postcode", ["016000", ""], ["01600", "0160000", "O16000"]],
    ["phone", ["0473-3998508", "010-12345678", "0473-3998508-123", ""], ["3998508", "0473 3998508", "13912345678", "0473-39985"]],
  ])("%s: accepts its format and refuses others", (field, good, bad) => {
    for (const value of good) expect(errorsFor({ [field]: value }), value).toEqual({});
    for (const value of bad) expect(errorsFor({ [field]: value })[field], value).toBeTruthy();
  });

  it("folds full-width characters pasted from documents before checking", () => {
    const parsed = settingsSchema.parse({ ...valid, icpFiling: "蒙ICP备０５０００８０９号－１", phone: "０４７３－３９９８５０８", siteCode: " 1503000001 " });
    expect(parsed).toMatchObject({ icpFiling: "蒙ICP备05000809号-1", phone: "0473-3998508", siteCode: "1503000001" });
  });

  it("requires a site name and a host, in Chinese", () => {
    expect(errorsFor({ siteName: " ", host: "" })).toEqual({ siteName: "请输入网站名称", host: "请输入主办单位" });
  });

  it("explains the expected format in the message", () => {
    expect(errorsFor({ siteCode: "123" }).siteCode).toBe("政府网站标识码为 10 位字母或数字，例如 1503000001");
  });
});
