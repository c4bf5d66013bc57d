-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Topic_name_key" ON "Topic"("name");

-- CreateIndex
CREATE INDEX "Topic_position_idx" ON "Topic"("position");


-- The default list: the 国务院 政府信息公开目录 主题分类 (first level), so that a site that
-- already runs gets it too. Admins edit it at /admin/topics.
INSERT INTO "Topic" ("name", "position")
SELECT name, ord::int FROM unnest(ARRAY[
  '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利',
  '工业、交通', '商贸、海关、旅游', '市场监管、安全生产监管', '城乡建设、环境保护', '科技、教育',
  '文化、广电、新闻出版', '卫生、体育', '人口与计划生育、妇女儿童工作', '劳动、人事、监察',
  '公安、安全、司法', '民政、扶贫、救灾', '民族、宗教', '对外事务', '港澳台侨工作', '国防', '其他'
]) WITH ORDINALITY AS t(name, ord)
ON CONFLICT ("name") DO NOTHING;

-- The 政府信息公开目录 (lib/documents/catalogue.ts) reads the live revision's metadata.
-- Its filters and its search by 索引号 / 发文字号 (exact or prefix: text_pattern_ops) use
-- these; partial, because most revisions are not documents and carry none of it.
CREATE INDEX "ArticleRevision_docNo_prefix_idx" ON "ArticleRevision" ("docNo" text_pattern_ops) WHERE "docNo" IS NOT NULL;
CREATE INDEX "ArticleRevision_indexNo_prefix_idx" ON "ArticleRevision" ("indexNo" text_pattern_ops) WHERE "indexNo" IS NOT NULL;
CREATE INDEX "ArticleRevision_topic_idx" ON "ArticleRevision" ("topic") WHERE "topic" IS NOT NULL;
CREATE INDEX "ArticleRevision_issuingOrg_idx" ON "ArticleRevision" ("issuingOrg") WHERE "issuingOrg" IS NOT NULL;
