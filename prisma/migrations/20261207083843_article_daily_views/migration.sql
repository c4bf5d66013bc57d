-- CreateTable
CREATE TABLE "ArticleDailyView" (
    "articleId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleDailyView_pkey" PRIMARY KEY ("articleId","day")
);

-- CreateIndex
CREATE INDEX "ArticleDailyView_day_idx" ON "ArticleDailyView"("day");

-- AddForeignKey
ALTER TABLE "ArticleDailyView" ADD CONSTRAINT "ArticleDailyView_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

