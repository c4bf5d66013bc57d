"use server";

import { action } from "@/lib/actions/safe-action";
import { deleteArticle, duplicateArticle, createArticle, saveArticle } from "./mutations";
import { restoreRevision } from "./revisions";
import { articleIdSchema, createArticleSchema, restoreRevisionSchema, saveArticleSchema } from "./schema";
// 导入 Word 文档 (article.importWord) takes a file, so its endpoint is a route handler (app/api/articles/import); importing it here registers it with the other article actions.
import "./import-word";

/** Everyone who writes: object-level rules (column, status, author) are checked inside. */
const STAFF = ["ADMIN", "REVIEWER", "EDITOR"] as const;

export const createArticleAction = action({ name: "article.create", roles: STAFF, schema: createArticleSchema }, (input, { user }) =>
  createArticle(input, user),
);

export const saveArticleAction = action({ name: "article.save", roles: STAFF, schema: saveArticleSchema }, ({ autosave, ...input }, { user }) =>
  saveArticle(input, user, { autosave }),
);

export const deleteArticleAction = action({ name: "article.delete", roles: STAFF, schema: articleIdSchema }, ({ id }, { user }) =>
  deleteArticle(id, user),
);

export const duplicateArticleAction = action({ name: "article.duplicate", roles: STAFF, schema: articleIdSchema }, ({ id }, { user }) =>
  duplicateArticle(id, user),
);

export const restoreRevisionAction = action({ name: "article.restore", roles: STAFF, schema: restoreRevisionSchema }, (input, { user }) =>
  restoreRevision(input, user),
);
