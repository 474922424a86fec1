-- Verified interactions (issue 20): linked accounts with proof of ownership, and Rapport's
-- own check of a logged interaction's evidence through the network's public API.
CREATE TABLE "linked_account" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "external_id" TEXT,
    "code" TEXT NOT NULL,
    "verified_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "linked_account_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "linked_account_member_id_network_key" ON "linked_account"("member_id", "network");
CREATE INDEX "linked_account_network_external_id_idx" ON "linked_account"("network", "external_id");

ALTER TABLE "linked_account" ADD CONSTRAINT "linked_account_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "logged_interaction" ADD COLUMN "check_state" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN "check_reason" TEXT,
ADD COLUMN "checked_at" TIMESTAMP(3),
ADD COLUMN "verified_by" TEXT;
