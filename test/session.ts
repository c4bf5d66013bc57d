import { vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";

/**
 * Integration tests of server actions act as a chosen user: only the session lookup
 * is mocked (the rest of lib/auth/session stays real); the users are real rows
 * (lib/users/testing.ts). Import this before the modules under test — the mock applies
 * to every import of lib/auth/session made after it in the test file.
 */
vi.mock("@/lib/auth/session", async (importOriginal) => ({ ...(await importOriginal<object>()), getSessionUser: vi.fn() }));

const { getSessionUser } = await import("@/lib/auth/session");

/** Every later getSessionUser() call answers this user (null: nobody is logged in). */
export function actAs(user: SessionUser | null) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}
