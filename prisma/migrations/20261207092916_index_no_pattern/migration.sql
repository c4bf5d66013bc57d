-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "indexNoPattern" TEXT NOT NULL DEFAULT 'XXXXXXXXXXXXXXXXXX/####-#####';

