"use server";

import { action } from "@/lib/actions/safe-action";
import { createReviewerGroup, deleteReviewerGroup, updateReviewerGroup } from "./mutations";
import { createReviewerGroupSchema, deleteReviewerGroupSchema, updateReviewerGroupSchema } from "./schema";

// Groups appear on no public page: nothing to refresh beyond the admin page the form reloads.

export const createReviewerGroupAction = action(
  { name: "reviewer-group.create", roles: ["ADMIN"], schema: createReviewerGroupSchema },
  (input, { user }) => createReviewerGroup(input, user),
);

export const updateReviewerGroupAction = action(
  { name: "reviewer-group.update", roles: ["ADMIN"], schema: updateReviewerGroupSchema },
  (input, { user }) => updateReviewerGroup(input, user),
);

export const deleteReviewerGroupAction = action(
  { name: "reviewer-group.delete", roles: ["ADMIN"], schema: deleteReviewerGroupSchema },
  ({ id }, { user }) => deleteReviewerGroup(id, user),
);
