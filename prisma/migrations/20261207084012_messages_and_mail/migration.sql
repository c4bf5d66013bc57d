-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('REVIEW_WAITING', 'RETURNED', 'APPROVED', 'PUBLISHED', 'WITHDRAWN', 'PUBLISHED_LATE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "messageMail" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Message" (
    "id" SERIAL NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "articleId" INTEGER,
    "eventId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "actorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageCursor" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastEventId" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MessageCursor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailOutbox" (
    "id" SERIAL NOT NULL,
    "messageId" INTEGER,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT NOT NULL DEFAULT '',
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Message_recipientId_createdAt_idx" ON "Message"("recipientId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Message_recipientId_readAt_idx" ON "Message"("recipientId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_eventId_recipientId_key" ON "Message"("eventId", "recipientId");

-- CreateIndex
CREATE UNIQUE INDEX "MailOutbox_messageId_key" ON "MailOutbox"("messageId");

-- CreateIndex
CREATE INDEX "MailOutbox_nextAttemptAt_idx" ON "MailOutbox"("nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailOutbox" ADD CONSTRAINT "MailOutbox_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The processor's cursor starts after the history already written: an upgraded site
-- does not message everyone about every past review.
INSERT INTO "MessageCursor" ("id", "lastEventId") SELECT 1, COALESCE(MAX("id"), 0) FROM "WorkflowEvent";
