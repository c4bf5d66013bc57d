-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "remoteImageHosts" TEXT NOT NULL DEFAULT '';

