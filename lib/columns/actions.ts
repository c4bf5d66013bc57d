"use server";

import { action } from "@/lib/actions/safe-action";
import { EVERYTHING, refreshPaths } from "@/lib/cache/refresh";
import { createColumn, deleteColumn, reorderColumn, setColumnHidden, updateColumn } from "./mutations";
import {
  createColumnSchema,
  deleteColumnSchema,
  reorderColumnSchema,
  setColumnHiddenSchema,
  updateColumnSchema,
} from "./schema";

// Every public page carries the column navigation, so any change refreshes them all,
// plus the column's own listing under its old and new address.
function refreshColumn(...slugs: string[]): Promise<void> {
  return refreshPaths(
    [...EVERYTHING.paths, ...slugs.flatMap((slug) => [`/columns/${slug}`, `/columns/${slug}/feed.xml`])],
    EVERYTHING.tags,
  );
}

export const createColumnAction = action({ name: "column.create", roles: ["ADMIN"], schema: createColumnSchema }, async (input, { user }) => {
  const column = await createColumn(input, user);
  await refreshColumn(column.slug);
  return { id: column.id };
});

export const updateColumnAction = action({ name: "column.update", roles: ["ADMIN"], schema: updateColumnSchema }, async (input, { user }) => {
  const { oldSlug, slug } = await updateColumn(input, user);
  await refreshColumn(oldSlug, slug);
  return { id: input.id };
});

export const reorderColumnAction = action(
  { name: "column.reorder", roles: ["ADMIN"], schema: reorderColumnSchema },
  async (input, { user }) => {
    const { slug, position } = await reorderColumn(input, user);
    await refreshColumn(slug);
    return { id: input.id, position };
  },
);

export const setColumnHiddenAction = action(
  { name: "column.set-hidden", roles: ["ADMIN"], schema: setColumnHiddenSchema },
  async ({ id, hidden }, { user }) => {
    const { slug } = await setColumnHidden(id, hidden, user);
    await refreshColumn(slug);
    return { id, hidden };
  },
);

export const deleteColumnAction = action({ name: "column.delete", roles: ["ADMIN"], schema: deleteColumnSchema }, async ({ id }, { user }) => {
  const { slug } = await deleteColumn(id, user);
  await refreshColumn(slug);
  return { id };
});
