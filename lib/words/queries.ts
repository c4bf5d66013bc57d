import "server-only";
import { db } from "@/lib/db/client";
import type { CheckWord } from "./match";

/** The list the check runs against (the editor's highlighting and the save / submit check). */
export async function listCheckWords(): Promise<CheckWord[]> {
  return db().sensitiveWord.findMany({
    orderBy: { word: "asc" },
    select: { word: true, blocking: true, replacement: true, note: true },
  });
}

export interface WordFilter {
  q?: string;
  kind?: "blocking" | "warning";
}

/** The admin list: blocking words first, then alphabetical; optional text and kind filters. */
export async function listWords(filter: WordFilter = {}) {
  const q = filter.q?.trim();
  return db().sensitiveWord.findMany({
    where: {
      ...(q ? { OR: [{ word: { contains: q } }, { replacement: { contains: q } }, { note: { contains: q } }] } : {}),
      ...(filter.kind ? { blocking: filter.kind === "blocking" } : {}),
    },
    orderBy: [{ blocking: "desc" }, { word: "asc" }],
  });
}

export type AdminWord = Awaited<ReturnType<typeof listWords>>[number];
