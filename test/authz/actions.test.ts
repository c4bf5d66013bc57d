import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { actAs } from "@/test/session";
import type { SessionUser } from "@/lib/auth/session";
import { db, type Role } from "@/lib/db/client";
import { actionRules, STAFF_ROLES, type Who } from "./rules";

/**
 * The authorization matrix for server actions: every lib/**\/actions.ts module is
 * imported (found on disk, so new ones are picked up), every action it registers must
 * have a rule, and each is called as anonymous, editor, reviewer and admin. Only the
 * session lookup is mocked (test/session.ts); users and data are real rows in a throwaway database.
 *
 * Called with no input: a caller the wrapper lets through gets "invalid" (or a result
 * from the action), one it stops gets "unauthenticated" / "forbidden" before anything runs.
 */
setupTestDatabase();

function findActionModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findActionModules(full);
    return entry.name === "actions.ts" ? [full] : [];
  });
}

const modules = findActionModules(path.join(process.cwd(), "lib"));
const users = new Map<Role, SessionUser>();

beforeAll(async () => {
  for (const file of modules) await import(/* @vite-ignore */ file);
  const columns = await db().column.findMany({ select: { id: true } });
  for (const role of STAFF_ROLES) {
    const row = await db().user.create({ data: { email: `matrix-${role.toLowerCase()}@test.invalid`, name: `matrix ${role}`, role, passwordHash: "x" } });
    users.set(role, { id: row.id, email: row.email, name: row.name, role, mustChangePassword: false, columnIds: columns.map((c) => c.id), securityStep: null });
  }
});

async function registry() {
  return (await import("@/lib/actions/safe-action")).actionRegistry;
}

describe("authorization matrix: server actions", () => {
  it("finds the action modules", () => {
    expect(modules.length).toBeGreaterThanOrEqual(5);
  });

  it("has a rule for every registered action (add new ones to test/authz/rules.ts)", async () => {
    const missing = [...(await registry()).keys()].filter((name) => !(name in actionRules));
    expect(missing, `actions without a rule in test/authz/rules.ts: ${missing.join(", ")}`).toEqual([]);
  });

  it("has no rule for an action that no longer exists", async () => {
    const names = new Set((await registry()).keys());
    expect(Object.keys(actionRules).filter((name) => !names.has(name))).toEqual([]);
  });

  it("allows and denies each action exactly as its rule says, for every caller", async () => {
    const mismatches: string[] = [];
    for (const [name, { run }] of await registry()) {
      for (const who of ["anonymous", ...STAFF_ROLES] as Who[]) {
        actAs(who === "anonymous" ? null : users.get(who as Role)!);
        const result = await run(undefined);
        const denied = !result.ok && (result.code === "unauthenticated" || result.code === "forbidden");
        const expected = actionRules[name]?.includes(who) ?? false;
        if (denied === expected) mismatches.push(`${name} as ${who}: expected ${expected ? "allow" : "deny"}, got ${result.ok ? "ok" : result.code}`);
        if (who === "anonymous") expect(result, name).toMatchObject({ ok: false, code: "unauthenticated" });
      }
    }
    expect(mismatches).toEqual([]);
  });
});
