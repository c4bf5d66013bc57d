-- CreateEnum
CREATE TYPE "SignMode" AS ENUM ('ANY', 'ALL');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "proposedPublishAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ColumnReviewLevel" (
    "id" SERIAL NOT NULL,
    "columnId" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "mode" "SignMode" NOT NULL DEFAULT 'ANY',
    "groupId" INTEGER,

    CONSTRAINT "ColumnReviewLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ColumnLevelReviewer" (
    "levelId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "ColumnLevelReviewer_pkey" PRIMARY KEY ("levelId","userId")
);

-- CreateTable
CREATE TABLE "ReviewerGroup" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewerGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewerGroupMember" (
    "groupId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "ReviewerGroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateIndex
CREATE INDEX "ColumnReviewLevel_groupId_idx" ON "ColumnReviewLevel"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "ColumnReviewLevel_columnId_level_key" ON "ColumnReviewLevel"("columnId", "level");

-- CreateIndex
CREATE INDEX "ColumnLevelReviewer_userId_idx" ON "ColumnLevelReviewer"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewerGroup_name_key" ON "ReviewerGroup"("name");

-- CreateIndex
CREATE INDEX "ReviewerGroupMember_userId_idx" ON "ReviewerGroupMember"("userId");

-- AddForeignKey
ALTER TABLE "ColumnReviewLevel" ADD CONSTRAINT "ColumnReviewLevel_columnId_fkey" FOREIGN KEY ("columnId") REFERENCES "Column"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ColumnReviewLevel" ADD CONSTRAINT "ColumnReviewLevel_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ReviewerGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ColumnLevelReviewer" ADD CONSTRAINT "ColumnLevelReviewer_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "ColumnReviewLevel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ColumnLevelReviewer" ADD CONSTRAINT "ColumnLevelReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerGroupMember" ADD CONSTRAINT "ReviewerGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ReviewerGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerGroupMember" ADD CONSTRAINT "ReviewerGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Not expressible in Prisma: a column has at most three review levels.
ALTER TABLE "ColumnReviewLevel" ADD CONSTRAINT "ColumnReviewLevel_level_check" CHECK ("level" BETWEEN 1 AND 3);
