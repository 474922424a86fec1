-- Accounts that last (issue 15).
-- Sessions that can end: the session cookie carries the version it was issued at; bumping
-- the member's version signs every older cookie out.
ALTER TABLE "member" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
