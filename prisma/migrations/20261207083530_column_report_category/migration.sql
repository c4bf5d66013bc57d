-- CreateEnum
CREATE TYPE "ReportCategory" AS ENUM ('OVERVIEW', 'NEWS', 'DISCLOSURE', 'TOPIC', 'INTERPRETATION');

-- AlterTable
ALTER TABLE "Column" ADD COLUMN     "reportCategory" "ReportCategory",
ADD COLUMN     "updateEveryDays" INTEGER;

