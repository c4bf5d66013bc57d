import "server-only";
import { db } from "@/lib/db/client";

export async function listAdminArticles() {
  return db().article.findMany({
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      title: true,
      titleTags: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      column: { select: { name: true } },
    },
  });
}
