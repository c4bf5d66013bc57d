"use server";

import { action } from "@/lib/actions/safe-action";
import { createAnnualReportDraft } from "./mutations";
import { annualReportDraftSchema } from "./schema";
import { ANNUAL_REPORT_ROLES } from "./scope";

/** Admins and reviewers; the column is checked inside, as for any new article. */
export const createAnnualReportDraftAction = action(
  { name: "statistics.annual-report-draft", roles: ANNUAL_REPORT_ROLES, schema: annualReportDraftSchema },
  (input, { user }) => createAnnualReportDraft(input, user),
);
