/** The accounts scripts/e2e-server.ts creates for the journeys. Test-only credentials. */
export const accounts = {
  admin: { email: "admin@e2e.test", password: "E2e-Admin-Passw0rd!" },
  editor: { email: "editor@e2e.test", password: "E2e-Editor-Passw0rd!" },
  reviewer: { email: "reviewer@e2e.test", password: "E2e-Reviewer-Passw0rd!" },
  reviewer2: { email: "reviewer2@e2e.test", password: "E2e-Reviewer2-Passw0rd!" },
} as const;

export type AccountName = keyof typeof accounts;
