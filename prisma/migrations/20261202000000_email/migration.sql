-- Email (issue 15): verification, per-category preferences, the transactional outbox and single-use email links.
ALTER TABLE "member" ADD COLUMN "email_verified_at" TIMESTAMP(3),
ADD COLUMN "email_prefs" JSONB NOT NULL DEFAULT '{}';

CREATE TYPE "EmailStatus" AS ENUM ('pending', 'sent', 'dead');

CREATE TABLE "email_outbox" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "member_id" TEXT,
    "recipient" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "status" "EmailStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "claim_id" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "email_outbox_key_key" ON "email_outbox"("key");
CREATE INDEX "email_outbox_status_next_attempt_at_idx" ON "email_outbox"("status", "next_attempt_at");

CREATE TABLE "email_token" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_token_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "email_token_token_hash_key" ON "email_token"("token_hash");
CREATE INDEX "email_token_member_id_purpose_idx" ON "email_token"("member_id", "purpose");

ALTER TABLE "email_token" ADD CONSTRAINT "email_token_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
