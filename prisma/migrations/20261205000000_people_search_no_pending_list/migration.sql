-- Member search (issue 14): the GIN indexes answer from their main tree only.
-- With fastupdate (the default) new entries wait in a pending list that every search scans
-- linearly until VACUUM merges it: after a bulk load (the large bench seed: 20,000 members) a
-- one-row trigram lookup took 35–73 ms instead of under 1 ms, and the planner, costing the list
-- in, preferred a sequential scan over every member. Members are written rarely (sign-up, a
-- profile edit) and searched often, so each write updates the index at once instead.
ALTER INDEX "member_search_vector_idx" SET (fastupdate = off);
ALTER INDEX "member_name_trgm_idx" SET (fastupdate = off);
ALTER INDEX "member_handle_trgm_idx" SET (fastupdate = off);
ALTER INDEX "member_topics_idx" SET (fastupdate = off);

-- Merge what is already pending (fastupdate = off alone does not).
SELECT gin_clean_pending_list('"member_search_vector_idx"'::regclass);
SELECT gin_clean_pending_list('"member_name_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"member_handle_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"member_topics_idx"'::regclass);
