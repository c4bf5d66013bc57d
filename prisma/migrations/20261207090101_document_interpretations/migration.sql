-- CreateEnum
CREATE TYPE "InterpretationKind" AS ENUM ('TEXT', 'GRAPHIC', 'MEDIA', 'EXPERT', 'VIDEO', 'PRESS');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "interpretationKind" "InterpretationKind";

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "interpretationKind" "InterpretationKind";

-- CreateTable
CREATE TABLE "DocumentInterpretation" (
    "revisionId" INTEGER NOT NULL,
    "documentId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DocumentInterpretation_pkey" PRIMARY KEY ("revisionId","documentId")
);

-- CreateIndex
CREATE INDEX "DocumentInterpretation_documentId_idx" ON "DocumentInterpretation"("documentId");

-- AddForeignKey
ALTER TABLE "DocumentInterpretation" ADD CONSTRAINT "DocumentInterpretation_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArticleRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentInterpretation" ADD CONSTRAINT "DocumentInterpretation_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

