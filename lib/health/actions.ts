"use server";

import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { runHealthCheckSchema } from "./schema";
import { runNow } from "./start";

/**
 * 立即体检 (admins; reviewers read the results). It writes only the run's own rows, no
 * content, so nothing public is refreshed; the form refreshes the page that shows it.
 */
export const runHealthCheckAction = action({ name: "health.run", roles: ["ADMIN"], schema: runHealthCheckSchema }, async (_input, { user }) => {
  const id = await runNow(user.name);
  const run = await db().healthCheckRun.findUniqueOrThrow({ where: { id }, select: { id: true, status: true } });
  return run;
});
