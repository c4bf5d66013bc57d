import { ActionError } from "@/lib/actions/errors";
import type { Prisma } from "@/lib/db/client";

/** Words whose `blocking` flag is set refuse a submission; warnings never do. */
export async function assertNoBlockingWords(
  tx: Pick<Prisma.TransactionClient, "sensitiveWord">,
  article: { title: string; subtitle: string; summary: string; bodyText: string },
) {
  const words = await tx.sensitiveWord.findMany({ where: { blocking: true }, select: { word: true, replacement: true } });
  const text = [article.title, article.subtitle, article.summary, article.bodyText].join("\n");
  const found = words.filter((w) => text.includes(w.word));
  if (found.length === 0) return;
  const list = found.map((w) => (w.replacement ? `“${w.word}”（建议改为“${w.replacement}”）` : `“${w.word}”`)).join("、");
  throw new ActionError("invalid", `文章含有禁用词：${list}。请修改后再提交。`, { words: found.map((w) => w.word) });
}
