-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "coverAlt" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "WorkflowEvent" ADD COLUMN     "version" INTEGER;

-- Existing revisions keep the alt text their cover has now: the best record there is
-- of what was reviewed. From here on a save stores it (lib/articles/mutations.ts).
UPDATE "ArticleRevision" r SET "coverAlt" = m.alt FROM "Media" m WHERE m.id = r."coverId";

