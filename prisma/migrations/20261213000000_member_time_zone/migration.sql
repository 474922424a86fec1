-- Issue 16: each member's time zone and date format, in which every date is shown to them.
ALTER TABLE "member" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE "member" ADD COLUMN "date_locale" TEXT;

-- The span criterion now counts calendar (UTC) days between the first and the last counted
-- interaction, as the distinct-days criterion does, instead of whole 24-hour periods. Stored
-- summaries were computed the old way: mark them stale and due now, so reads evaluate them
-- afresh and the job worker rewrites them.
UPDATE "relationship_summary" SET "stale" = true, "valid_until" = '1970-01-01 00:00:00';
