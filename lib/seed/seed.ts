import { db } from "@/lib/db/client";
import { prepareBody } from "@/lib/articles/body";
import { createImageMedia } from "@/lib/media/mutations";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { ensureSystemUser } from "@/lib/users/bootstrap";
import { seedArticles } from "./data/articles";
import { seedColumns } from "./data/columns";
import { referenceArticle } from "./data/reference-article";
import type { SeedArticle, SeedBlock, SeedColumn } from "./data/types";
import { renderPlaceholderImage } from "./placeholder-image";
import { referenceSettings } from "./settings";

/**
 * Demo content: the reference site's settings and columns, the reference article and
 * the synthetic articles. Idempotent: whatever exists already is left as it is.
 */
export async function seed(log: (m: string) => void = console.log): Promise<void> {
  await db().siteSettings.upsert({ where: { id: 1 }, update: {}, create: { id: 1, ...referenceSettings } });
  const columnIds = await seedColumnTree(seedColumns, null);
  const systemUserId = await ensureSystemUser();
  let imageIndex = 0;
  let created = 0;
  // The reference article first, so that a fresh site has it at /articles/1.
  for (const article of [referenceArticle, ...seedArticles]) {
    const columnId = columnIds.get(article.columnSlug);
    if (!columnId) throw new Error(`seed article "${article.title}" names an unknown column ${article.columnSlug}`);
    const exists = await db().article.findFirst({ where: { title: article.title, columnId }, select: { id: true } });
    const imageCount = article.blocks.filter((b) => b.type === "image").length;
    if (exists) {
      imageIndex += imageCount;
      continue;
    }
    const doc = await blocksToDoc(article.blocks, () => imageIndex++, systemUserId);
    await createPublishedArticle(article, columnId, doc, systemUserId);
    created++;
  }
  // After every article exists: the reference article, seeded first, interprets a later one.
  for (const article of [referenceArticle, ...seedArticles]) if (article.interprets) await linkInterpretation(article);
  if (created > 0) log(`seeded ${created} demo article(s)`);
}

async function seedColumnTree(columns: SeedColumn[], parentId: number | null, ids = new Map<string, number>()) {
  for (const [position, column] of columns.entries()) {
    const row = await db().column.upsert({
      where: { slug: column.slug },
      update: {},
      create: { name: column.name, slug: column.slug, parentId, position, reviewLevels: column.reviewLevels ?? 1, reportCategory: column.reportCategory ?? null },
    });
    ids.set(column.slug, row.id);
    if (column.children) await seedColumnTree(column.children, row.id, ids);
  }
  return ids;
}

async function blocksToDoc(blocks: SeedBlock[], nextImage: () => number, userId: number): Promise<RichTextNode> {
  const content: RichTextNode[] = [];
  for (const block of blocks) {
    if (block.type === "paragraph") {
      content.push({ type: "paragraph", content: [{ type: "text", text: block.text }] });
    } else if (block.type === "heading") {
      content.push({ type: "heading", attrs: { level: block.level ?? 2 }, content: [{ type: "text", text: block.text }] });
    } else {
      const image = await createImageMedia({
        data: await renderPlaceholderImage(nextImage()),
        originalName: `${block.label}.jpg`,
        alt: block.alt,
        uploadedById: userId,
      });
      content.push({
        type: "image",
        attrs: { src: image.src, srcset: image.srcset, alt: block.alt, caption: block.caption ?? "", mediaId: image.id },
      });
    }
  }
  return { type: "doc", content };
}

async function createPublishedArticle(article: SeedArticle, columnId: number, doc: RichTextNode, userId: number) {
  const body = prepareBody(doc);
  const publishedAt = new Date(article.publishedAt);
  const content = {
    title: article.title,
    titleTags: article.titleTags,
    subtitle: article.subtitle ?? "",
    author: article.author,
    source: article.source,
    summary: article.summary,
    bodyJson: body.bodyJson as object,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    indexNo: article.disclosure?.indexNo ?? null,
    topic: article.disclosure?.topic ?? null,
    issuingOrg: article.disclosure?.issuingOrg ?? null,
    writtenAt: article.disclosure ? new Date(`${article.disclosure.writtenAt}T00:00:00Z`) : null,
    docNo: article.disclosure?.docNo ?? null,
    ...(await seedValidity(article)),
  };
  await db().$transaction(async (tx) => {
    const row = await tx.article.create({
      data: {
        ...content,
        columnId,
        status: "PUBLISHED",
        live: true,
        publishedAt,
        pinned: article.pinned ?? false,
        headline: article.headline ?? false,
        createdById: userId,
        updatedById: userId,
        createdAt: publishedAt,
      },
    });
    const revision = await tx.articleRevision.create({
      data: { ...content, articleId: row.id, version: 1, authorId: userId, note: "演示内容", createdAt: publishedAt },
    });
    await tx.article.update({ where: { id: row.id }, data: { liveRevisionId: revision.id } });
  });
}

/** A seeded document's 有效性: its replacement, named by 发文字号, was seeded before it. */
async function seedValidity(article: SeedArticle) {
  const { validity, validUntil } = article.disclosure ?? {};
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  const replacement = validity?.replacedByDocNo ? await db().article.findFirst({ where: { docNo: validity.replacedByDocNo }, select: { id: true } }) : null;
  if (validity?.replacedByDocNo && !replacement) throw new Error(`seed article "${article.title}" is replaced by ${validity.replacedByDocNo}, which is not seeded before it`);
  return {
    validity: validity?.state ?? ("VALID" as const),
    validityDate: validity ? day(validity.date) : null,
    replacedById: replacement?.id ?? null,
    validUntil: validUntil ? day(validUntil) : null,
  };
}

/** The seeded interpretation's live revision names its documents (once: seeding again adds nothing). */
async function linkInterpretation(article: SeedArticle) {
  const { kind, docNos } = article.interprets!;
  const row = await db().article.findFirst({ where: { title: article.title }, select: { id: true, liveRevisionId: true } });
  if (!row?.liveRevisionId || (await db().documentInterpretation.count({ where: { revisionId: row.liveRevisionId } }))) return;
  const documents = await db().article.findMany({ where: { docNo: { in: docNos } }, select: { id: true, docNo: true } });
  if (documents.length !== docNos.length) throw new Error(`seed article "${article.title}" interprets documents that are not seeded: ${docNos.join("、")}`);
  const ordered = docNos.map((docNo) => documents.find((d) => d.docNo === docNo)!.id);
  await db().$transaction([
    db().documentInterpretation.createMany({ data: ordered.map((documentId, position) => ({ revisionId: row.liveRevisionId!, documentId, position })) }),
    db().article.update({ where: { id: row.id }, data: { interpretationKind: kind } }),
    db().articleRevision.update({ where: { id: row.liveRevisionId }, data: { interpretationKind: kind } }),
  ]);
}
