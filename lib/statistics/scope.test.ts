import { describe, expect, it } from "vitest";
import { scopeIncludes, statisticsScopeOf } from "./scope";

describe("statisticsScopeOf", () => {
  it.each([
    ["ADMIN", [3], null],
    ["REVIEWER", [3], null],
    ["EDITOR", [3, 5], [3, 5]],
    ["EDITOR", [], []],
  ] as const)("a %s with columns %j sees %j (null: every column)", (role, columnIds, expected) => {
    expect(statisticsScopeOf({ role, columnIds: [...columnIds] }).columnIds).toEqual(expected);
  });

  it("lets an editor see only their own columns", () => {
    const scope = statisticsScopeOf({ role: "EDITOR", columnIds: [3] });
    expect(scopeIncludes(scope, 3)).toBe(true);
    expect(scopeIncludes(scope, 4)).toBe(false);
    expect(scopeIncludes(statisticsScopeOf({ role: "REVIEWER", columnIds: [] }), 4)).toBe(true);
  });
});
