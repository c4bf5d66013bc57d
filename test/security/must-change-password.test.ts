import { describe, expect, it } from "vitest";
import { actAs } from "@/test/session";
import { setupTestDatabase } from "@/test/db";
import { createTestUser } from "@/lib/users/testing";
import { actionRegistry } from "@/lib/actions/safe-action";
import { t } from "@/lib/i18n/zh-CN";

setupTestDatabase();

/**
 * A user who must change their password first (a new account, the first admin) can do
 * nothing else: no server action but the account page's, and no route handler either.
 */
describe("a pending password change", () => {
  it("refuses the media library listing (a route handler, not behind the action wrapper)", async () => {
    const { GET } = await import("@/app/api/media/route");
    const admin = await createTestUser("ADMIN");
    actAs({ ...admin, mustChangePassword: true, securityStep: "change-password" });
    const refused = await GET(new Request("http://gazette.test/api/media"));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ ok: false, error: t.security.stepRequired });
    actAs({ ...admin, securityStep: null });
    expect((await GET(new Request("http://gazette.test/api/media"))).status).toBe(200);
  });

  it("refuses every server action but those that complete the step", async () => {
    await import("@/lib/users/actions");
    await import("@/lib/auth/actions");
    const admin = await createTestUser("ADMIN");
    actAs({ ...admin, mustChangePassword: true, securityStep: "change-password" });
    const run = actionRegistry.get("user.create")!.run;
    expect(await run({})).toMatchObject({ ok: false, code: "forbidden", error: t.security.stepRequired });
    // Changing the password itself is allowed (answers about the input, not the step).
    expect(await actionRegistry.get("account.change-password")?.run({})).toMatchObject({ ok: false, code: "invalid" });
  });
});
