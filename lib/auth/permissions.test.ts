import { describe, expect, it } from "vitest";
import { can, type Actor, type ArticleScope, type Permission } from "./permissions";

const admin: Actor = { id: 1, role: "ADMIN", columnIds: [] };
const editor: Actor = { id: 2, role: "EDITOR", columnIds: [10] };
const reviewer: Actor = { id: 3, role: "REVIEWER", columnIds: [10] };
const outsider: Actor = { id: 4, role: "REVIEWER", columnIds: [99] };

const draftByEditor: ArticleScope = { columnId: 10, createdById: 2, status: "DRAFT", everPublished: false };
const inReview: ArticleScope = { ...draftByEditor, status: "IN_REVIEW" };
const published: ArticleScope = { ...draftByEditor, status: "PUBLISHED", everPublished: true };

// [actor, permission, article, allowed]
const table: [string, Actor | null, Permission, ArticleScope | undefined, boolean][] = [
  ["anonymous cannot create", null, "article:create", undefined, false],
  ["admin manages users", admin, "user:manage", undefined, true],
  ["editor cannot manage users", editor, "user:manage", undefined, false],
  ["reviewer cannot manage settings", reviewer, "settings:manage", undefined, false],
  ["editor creates in an assigned column", editor, "article:create", undefined, true],
  ["editor with no column cannot create", { ...editor, columnIds: [] }, "article:create", undefined, false],
  ["editor edits a draft in their column", editor, "article:edit", draftByEditor, true],
  ["editor cannot edit while in review", editor, "article:edit", inReview, false],
  ["reviewer edits while in review", reviewer, "article:edit", inReview, true],
  ["reviewer outside the column cannot edit", outsider, "article:edit", draftByEditor, false],
  ["editor submits a draft", editor, "article:submit", draftByEditor, true],
  ["editor cannot submit twice", editor, "article:submit", inReview, false],
  ["editor may take back (撤回) an article in review in their column", editor, "article:recall", inReview, true],
  ["nothing to take back from a draft", editor, "article:recall", draftByEditor, false],
  ["nobody outside the column takes it back", outsider, "article:recall", inReview, false],
  ["editor cannot change a live article's placement (publish permission)", editor, "article:publish", published, false],
  ["editor cannot review", editor, "article:review", inReview, false],
  ["reviewer reviews in their column", reviewer, "article:review", inReview, true],
  ["reviewer cannot review outside their column", outsider, "article:review", inReview, false],
  ["editor cannot publish", editor, "article:publish", inReview, false],
  ["reviewer withdraws in their column", reviewer, "article:withdraw", published, true],
  ["author deletes their own draft", editor, "article:delete", draftByEditor, true],
  ["another user cannot delete a draft", { ...editor, id: 9 }, "article:delete", draftByEditor, false],
  ["nobody deletes a published article", admin, "article:delete", published, false],
  ["editor cannot delete a published article", editor, "article:delete", published, false],
  ["admin deletes a draft", admin, "article:delete", draftByEditor, true],
  ["every staff member uploads media", editor, "media:upload", undefined, true],
];

describe("permissions", () => {
  it.each(table)("%s", (_name, actor, permission, article, allowed) => {
    expect(can(actor, permission, article)).toBe(allowed);
  });
});
