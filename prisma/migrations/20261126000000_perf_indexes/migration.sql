-- Indexes for the hot queries measured by `npm run bench` (see docs/scaling.md).
-- IF NOT EXISTS: on a large live database an operator may build them first with
-- CREATE INDEX CONCURRENTLY (same names), and this migration then only records them.

-- A member's outgoing pending requests (dashboard, request budget, warm-up facts, profile
-- panel): before this index PostgreSQL intersected the requester's whole history with every
-- pending request in the system (status, expires_at), a cost that grows with the community.
CREATE INDEX IF NOT EXISTS "connection_request_requester_id_status_expires_at_idx" ON "connection_request"("requester_id", "status", "expires_at");

-- The unread badge in the header, on every signed-in page: count(*) WHERE member_id = $1 AND
-- read_at IS NULL read every notification the member ever had.
CREATE INDEX IF NOT EXISTS "notification_member_id_read_at_idx" ON "notification"("member_id", "read_at");

-- Removing content marks its interactions removed by kudos_id / logged_id (moderation,
-- deletion): without these, each removal scanned the interaction table.
CREATE INDEX IF NOT EXISTS "interaction_kudos_id_idx" ON "interaction"("kudos_id");
CREATE INDEX IF NOT EXISTS "interaction_logged_id_idx" ON "interaction"("logged_id");

-- The moderation queue groups open reports by the item reported.
CREATE INDEX IF NOT EXISTS "report_subject_type_subject_id_status_idx" ON "report"("subject_type", "subject_id", "status");
