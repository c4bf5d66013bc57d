import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { referenceSettings } from "@/lib/seed/settings";
import { createTestUser, lastAudit } from "@/lib/users/testing";
import { setupTestDatabase } from "@/test/db";
import { actAs } from "@/test/session";
import { removeLogoAction, updateSettingsAction, uploadLogoAction } from "./actions";
import { getSiteSettings } from "./queries";

setupTestDatabase();

let admin: SessionUser;
let editor: SessionUser;
let reviewer: SessionUser;
beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  editor = await createTestUser("EDITOR");
  reviewer = await createTestUser("REVIEWER");
});
beforeEach(() => actAs(admin));

const settings = { ...referenceSettings, require2faForStaff: false };
const upload = (data: Buffer, name: string, type = "image/png") => {
  const form = new FormData();
  form.set("logo", new File([new Uint8Array(data)], name, { type }));
  return form;
};
const png = () => sharp({ create: { width: 240, height: 80, channels: 4, background: "#b3261e" } }).png().toBuffer();

describe("updateSettings", () => {
  it("saves every field, shows it to the public queries, and audits only what changed", async () => {
    const result = await updateSettingsAction({
      ...settings,
      siteName: "乌海市人民政府门户网站",
      icpFiling: "蒙ICP备05000809号-2",
      require2faForStaff: true,
    });
    expect(result).toEqual({ ok: true, data: null });
    const row = await getSiteSettings();
    expect(row).toMatchObject({ siteName: "乌海市人民政府门户网站", icpFiling: "蒙ICP备05000809号-2", require2faForStaff: true });
    const entry = await lastAudit("settings.update");
    expect(entry).toMatchObject({ actorId: admin.id, targetType: "settings", targetId: "1" });
    expect(entry?.detail).toEqual({
      changes: {
        siteName: ["乌海市人民政府", "乌海市人民政府门户网站"],
        icpFiling: ["蒙ICP备05000809号", "蒙ICP备05000809号-2"],
        require2faForStaff: [false, true],
      },
    });
  });

  it("writes no audit entry when nothing changed", async () => {
    const current = await getSiteSettings();
    const before = await db().auditEntry.count({ where: { action: "settings.update" } });
    const { siteName, host, maintainer, address, postcode, phone, psbFiling, icpFiling, siteCode, copyright, showPartyGovBadge, require2faForStaff } = current;
    const same = { siteName, host, maintainer, address, postcode, phone, psbFiling, icpFiling, siteCode, copyright, showPartyGovBadge, require2faForStaff };
    expect((await updateSettingsAction(same)).ok).toBe(true);
    expect(await db().auditEntry.count({ where: { action: "settings.update" } })).toBe(before);
  });

  it("saves the intranet image hosts one a line, audited, and refuses a malformed entry", async () => {
    expect(await updateSettingsAction({ ...settings, remoteImageHosts: "img.intranet.gov.cn, 10.20.0.0/16" })).toEqual({ ok: true, data: null });
    const row = await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.remoteImageHosts).toBe("img.intranet.gov.cn\n10.20.0.0/16");
    expect((await lastAudit("settings.update"))?.detail).toMatchObject({ changes: { remoteImageHosts: ["", "img.intranet.gov.cn\n10.20.0.0/16"] } });
    const refused = await updateSettingsAction({ ...settings, remoteImageHosts: "10.0.0.0/2" });
    expect(refused).toMatchObject({ ok: false, code: "invalid", fieldErrors: { remoteImageHosts: [expect.stringMatching(/不是有效的网段/)] } });
    expect(await updateSettingsAction({ ...settings, remoteImageHosts: "" })).toMatchObject({ ok: true });
  });

  it("refuses badly formatted footer fields and saves nothing", async () => {
    const result = await updateSettingsAction({ ...settings, siteCode: "12345", postcode: "0160", phone: "3998508" });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(result.ok ? {} : result.fieldErrors ?? {}).sort()).toEqual(["phone", "postcode", "siteCode"]);
    expect((await getSiteSettings()).siteCode).toBe(referenceSettings.siteCode);
  });
});

describe("logo", () => {
  it("stores an uploaded image as the logo, by its content, and audits it", async () => {
    const result = await uploadLogoAction(upload(await png(), "logo.png"));
    if (!result.ok) throw new Error(result.error);
    const row = await getSiteSettings();
    expect(row.logoId).toBe(result.data.id);
    expect(row.logo?.src).toMatch(/^\/media\/images\//);
    const media = await db().media.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, media.storageKey))).toBe(true);
    expect(await lastAudit("settings.logo")).toMatchObject({ actorId: admin.id, detail: { from: null, to: result.data.id } });
  });

  it("accepts a real image whatever its name says", async () => {
    const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#fff" } }).jpeg().toBuffer();
    expect((await uploadLogoAction(upload(jpeg, "logo.txt", "text/plain"))).ok).toBe(true);
  });

  it("refuses SVG, even named .png, and anything that is not an image", async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const before = (await getSiteSettings()).logoId;
    for (const [data, name] of [
      [svg, "logo.svg"],
      [svg, "logo.png"],
      [Buffer.from("just text, not an image"), "logo.png"],
    ] as const) {
      const result = await uploadLogoAction(upload(data, name));
      expect(result, name).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await uploadLogoAction(upload(svg, "a.svg"))).toMatchObject({ error: expect.stringContaining("SVG") });
    expect((await getSiteSettings()).logoId).toBe(before);
  });

  it("refuses an empty upload and one over 1.5 MB", async () => {
    expect(await uploadLogoAction(upload(Buffer.alloc(0), "empty.png"))).toMatchObject({ ok: false, code: "invalid" });
    expect(await uploadLogoAction(upload(Buffer.alloc(1_600_000, 1), "big.png"))).toMatchObject({
      ok: false,
      fieldErrors: { _: ["标志图片不能超过 1.5 MB"] },
    });
    expect(await uploadLogoAction({ logo: "not a form" })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("removes the logo, audited", async () => {
    expect((await uploadLogoAction(upload(await png(), "logo.png"))).ok).toBe(true);
    expect((await removeLogoAction({})).ok).toBe(true);
    expect((await getSiteSettings()).logo).toBeNull();
    expect(await lastAudit("settings.logo-remove")).toMatchObject({ actorId: admin.id });
  });
});

describe("who may change settings", () => {
  it("refuses editors, reviewers and anonymous callers, and changes nothing", async () => {
    const before = await getSiteSettings();
    for (const user of [editor, reviewer, null]) {
      actAs(user);
      const code = user ? "forbidden" : "unauthenticated";
      expect(await updateSettingsAction({ ...settings, siteName: "被篡改" })).toMatchObject({ ok: false, code });
      expect(await uploadLogoAction(upload(await png(), "x.png"))).toMatchObject({ ok: false, code });
      expect(await removeLogoAction({})).toMatchObject({ ok: false, code });
    }
    const after = await getSiteSettings();
    expect(after.siteName).toBe(before.siteName);
    expect(after.logoId).toBe(before.logoId);
  });
});
