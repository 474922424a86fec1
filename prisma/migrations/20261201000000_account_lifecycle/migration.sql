-- Accounts that last (issue 15).
-- Sessions that can end: the session cookie carries the version it was issued at; bumping
-- the member's version signs every older cookie out.
ALTER TABLE "member" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- "Delete my account": 14 days to change one's mind by signing in; then the accounts.erase
-- job (lib/server/jobs/registry.ts) erases the member. The index serves that job.
ALTER TABLE "member" ADD COLUMN "deletion_requested_at" TIMESTAMP(3),
ADD COLUMN "delete_at" TIMESTAMP(3);

CREATE INDEX "member_delete_at_idx" ON "member"("delete_at");
