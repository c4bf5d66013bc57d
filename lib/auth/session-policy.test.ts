import { describe, expect, it } from "vitest";
import { SESSION_IDLE_S, SESSION_MAX_AGE_S, needsTouch, sessionState } from "./session-policy";

const now = 2_000_000_000;

describe("session lifetime", () => {
  it.each([
    ["no token", null, "anonymous"],
    ["logged out (uid 0)", { uid: 0, loginAt: now, seenAt: now }, "anonymous"],
    ["fresh", { uid: 1, loginAt: now - 10, seenAt: now - 10 }, "live"],
    ["29 idle minutes", { uid: 1, loginAt: now - 3600, seenAt: now - 29 * 60 }, "live"],
    ["31 idle minutes", { uid: 1, loginAt: now - 3600, seenAt: now - 31 * 60 }, "idle"],
    ["active, but logged in 12 h ago", { uid: 1, loginAt: now - SESSION_MAX_AGE_S - 1, seenAt: now }, "expired"],
    ["a token without times", { uid: 1 }, "expired"],
  ])("%s", (_name, token, expected) => {
    expect(sessionState(token, now)).toBe(expected);
  });

  it("records activity at most once a minute", () => {
    expect(needsTouch({ seenAt: now - 30 }, now)).toBe(false);
    expect(needsTouch({ seenAt: now - 61 }, now)).toBe(true);
    expect(SESSION_IDLE_S).toBe(1800);
  });
});
