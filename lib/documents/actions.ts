"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { findDocuments } from "./links";

const STAFF = ["ADMIN", "REVIEWER", "EDITOR"] as const;

const searchDocumentsSchema = z.object({
  q: z.string().trim().max(100, "查找内容不能超过 100 字"),
  /** The article being edited: it cannot interpret itself. */
  excludeId: z.number().int().positive().nullable().default(null),
});

/** The editor's document picker (解读的政策文件): read-only, nothing to audit. */
export const searchDocumentsAction = action({ name: "document.search", roles: STAFF, schema: searchDocumentsSchema }, ({ q, excludeId }, { user }) =>
  findDocuments(q, excludeId, user),
);
