/** The accounts scripts/e2e-server.ts creates for the journeys. Test-only credentials. */
export const accounts = {
  // Not containing "admin": the first admin's password meets the policy too (lib/users/bootstrap.ts).
  admin: { email: "admin@e2e.test", password: "E2e-Chief-Passw0rd!" },
  editor: { email: "editor@e2e.test", password: "E2e-Editor-Passw0rd!" },
  reviewer: { email: "reviewer@e2e.test", password: "E2e-Reviewer-Passw0rd!" },
  reviewer2: { email: "reviewer2@e2e.test", password: "E2e-Reviewer2-Passw0rd!" },
  // A third reviewer: a level named to one person each needs three (e2e/review-levels.spec.ts).
  reviewer3: { email: "reviewer3@e2e.test", password: "E2e-Reviewer3-Passw0rd!" },
  // Security journeys only (e2e/security-*.spec.ts): they change these accounts' state.
  twofa: { email: "twofa@e2e.test", password: "E2e-TwoFactor-Passw0rd!" },
  newcomer: { email: "newcomer@e2e.test", password: "E2e-Newcomer-Passw0rd!" },
  lockout: { email: "lockout@e2e.test", password: "E2e-Lockout-Passw0rd!" },
  session: { email: "session@e2e.test", password: "E2e-Session-Passw0rd!" },
} as const;

export type AccountName = keyof typeof accounts;
