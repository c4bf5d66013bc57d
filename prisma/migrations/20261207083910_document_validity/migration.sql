-- CreateEnum
CREATE TYPE "DocumentValidity" AS ENUM ('VALID', 'AMENDED', 'REPEALED', 'EXPIRED');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "expiryAnnouncedFor" DATE,
ADD COLUMN     "replacedById" INTEGER,
ADD COLUMN     "validUntil" DATE,
ADD COLUMN     "validity" "DocumentValidity" NOT NULL DEFAULT 'VALID',
ADD COLUMN     "validityDate" DATE;

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "replacedById" INTEGER,
ADD COLUMN     "validUntil" DATE,
ADD COLUMN     "validity" "DocumentValidity" NOT NULL DEFAULT 'VALID',
ADD COLUMN     "validityDate" DATE;


-- The scheduler's expiry scan (lib/documents/expiry.ts) looks only at revisions with a 有效期至.
CREATE INDEX "ArticleRevision_validUntil_idx" ON "ArticleRevision" ("validUntil") WHERE "validUntil" IS NOT NULL;

-- The pages that name a document as their replacement (lib/documents/links.ts) are refreshed with it.
CREATE INDEX "ArticleRevision_replacedById_idx" ON "ArticleRevision" ("replacedById") WHERE "replacedById" IS NOT NULL;
