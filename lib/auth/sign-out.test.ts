import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next-auth/react", () => ({ signOut: vi.fn(async () => ({ url: "http://gazette.example.gov.cn/admin/login?changed=1" })) }));
const { signOut } = await import("next-auth/react");
const { signOutTo } = await import("./sign-out");

describe("signing out after a password change", () => {
  beforeEach(() => vi.mocked(signOut).mockClear());

  it("stays on the host the browser came from: a relative path, not next-auth's NEXTAUTH_URL address", async () => {
    const go = vi.fn();
    await signOutTo("/admin/login?changed=1", go);
    expect(signOut).toHaveBeenCalledWith({ redirect: false });
    expect(go).toHaveBeenCalledWith("/admin/login?changed=1");
  });
});
