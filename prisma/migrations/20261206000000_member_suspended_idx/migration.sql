-- The members suspended at some point: a handful among thousands. Lists and counts that must
-- leave out members suspended now anti-join this small set instead of looking up every related
-- member (the dashboard's counts for a member with 1,100 relationships: 5.9 ms -> 0.5 ms).
CREATE INDEX "member_suspended_idx" ON "member" ("id") WHERE "suspended_at" IS NOT NULL;
