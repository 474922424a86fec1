-- Issue 16: the overall percent is defined anew in the engine (lib/warmup/criteria.ts:
-- held to 10 points above the least-advanced count, 0 while nothing counts) and next steps
-- gained new forms. Every stored summary was computed with the old definition: mark them
-- all stale and due now, so reads evaluate them afresh and the job worker rewrites them.
UPDATE "relationship_summary" SET "stale" = true, "valid_until" = '1970-01-01 00:00:00';
