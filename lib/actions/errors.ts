/**
 * An expected failure a user can act on: its message is shown as it is (so it is
 * written in the UI language). Anything else is logged and shown as a generic error.
 */
export type ActionErrorCode = "unauthenticated" | "forbidden" | "invalid" | "conflict" | "not_found" | "rate_limited" | "failed";

export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}
