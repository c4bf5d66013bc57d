import { ActionError } from "@/lib/actions/errors";
import type { Prisma } from "@/lib/db/client";
import { findWords, summarizeMatches } from "@/lib/words/match";

/** A blocking 敏感词 refuses a submission; warnings never do (the editor shows them). */
export async function assertNoBlockingWords(
  tx: Pick<Prisma.TransactionClient, "sensitiveWord">,
  article: { title: string; subtitle: string; summary: string; bodyText: string },
) {
  const words = await tx.sensitiveWord.findMany({ select: { word: true, blocking: true, replacement: true, note: true } });
  const text = [article.title, article.subtitle, article.summary, article.bodyText].join("\n");
  const blocking = summarizeMatches(findWords(text, words)).filter((w) => w.blocking);
  if (blocking.length === 0) return;
  const list = blocking.map((w) => (w.replacement ? `“${w.word}”（建议改为“${w.replacement}”）` : `“${w.word}”`)).join("、");
  throw new ActionError("invalid", `文章含有禁用词：${list}。请修改后再提交。`, { words: blocking.map((w) => w.word) });
}
