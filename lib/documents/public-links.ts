import { publicArticleSql } from "@/lib/articles/public-rule";
import { fromListRow, type ListRow } from "@/lib/articles/public-lists";
import type { ArticleListItem } from "@/lib/articles/queries";
import { Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import type { InterpretationKind } from "@/generated/prisma/enums";
import { interpretationKindLabel } from "./interpretations";
import { effectiveValidity, type StoredValidity } from "./validity";

export interface PolicyLinks {
  /** 政策原文: the public documents the article's live revision interprets, in its order. */
  originals: ArticleListItem[];
  /** 相关解读: the public interpretations whose live revision names this article, newest first. */
  interpretations: (ArticleListItem & { kind: string })[];
}

/** A listing row with the document's stored validity, and which side of the relation it is on. */
interface Row extends ListRow, StoredValidity {
  side: number;
  kind: InterpretationKind | null;
}

/**
 * Both directions of 解读 ↔ 政策原文 from the one relation (DocumentInterpretation), each
 * side only while public, in one statement (it runs on every uncached article render).
 */
export async function listPolicyLinks(articleId: number): Promise<PolicyLinks> {
  const now = new Date();
  const columns = Prisma.sql`a.id, a."publishedAt", a.pinned, r.title, r."titleTags", r.summary, r.validity, r."validityDate", r."validUntil", r."interpretationKind" AS kind`;
  const rows = await sqlRows<Row>(Prisma.sql`
    SELECT * FROM (
      (SELECT 0 AS side, l.position AS sort, ${columns}
        FROM "Article" self JOIN "DocumentInterpretation" l ON l."revisionId" = self."liveRevisionId"
        JOIN "Article" a ON a.id = l."documentId" JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
        WHERE self.id = ${articleId} AND ${publicArticleSql(now)})
      UNION ALL
      (SELECT 1 AS side, 0 AS sort, ${columns}
        FROM "DocumentInterpretation" l JOIN "Article" a ON a."liveRevisionId" = l."revisionId"
        JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
        WHERE l."documentId" = ${articleId} AND ${publicArticleSql(now)})
    ) AS links
    ORDER BY side, sort, "publishedAt" DESC, id DESC
    LIMIT 50`);
  const item = (row: Row): ArticleListItem => ({ ...fromListRow(row), validity: effectiveValidity(row).state });
  return {
    originals: rows.filter((r) => r.side === 0).map(item),
    interpretations: rows.filter((r) => r.side === 1).map((r) => ({ ...item(r), kind: interpretationKindLabel(r.kind) })),
  };
}
