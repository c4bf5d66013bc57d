-- CreateEnum
CREATE TYPE "HealthCheckTrigger" AS ENUM ('MANUAL', 'SCHEDULED');

-- CreateEnum
CREATE TYPE "HealthCheckStatus" AS ENUM ('RUNNING', 'PASSED', 'FAILED', 'ERROR');

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "checkExternalLinks" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "HealthCheckRun" (
    "id" SERIAL NOT NULL,
    "trigger" "HealthCheckTrigger" NOT NULL,
    "day" TEXT,
    "status" "HealthCheckStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "startedBy" TEXT NOT NULL DEFAULT '',
    "counts" JSONB NOT NULL DEFAULT '{}',
    "report" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "HealthCheckRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthFinding" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "check" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "fixHref" TEXT NOT NULL,
    "fixLabel" TEXT NOT NULL,

    CONSTRAINT "HealthFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HealthCheckRun_day_key" ON "HealthCheckRun"("day");

-- CreateIndex
CREATE INDEX "HealthCheckRun_startedAt_idx" ON "HealthCheckRun"("startedAt" DESC);

-- CreateIndex
CREATE INDEX "HealthFinding_runId_check_idx" ON "HealthFinding"("runId", "check");

-- AddForeignKey
ALTER TABLE "HealthFinding" ADD CONSTRAINT "HealthFinding_runId_fkey" FOREIGN KEY ("runId") REFERENCES "HealthCheckRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

