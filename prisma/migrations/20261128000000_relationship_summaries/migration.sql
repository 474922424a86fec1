-- Relationship summaries: one stored evaluation per directed pair (see schema.prisma).
CREATE TABLE "relationship_summary" (
    "requester_id" TEXT NOT NULL,
    "recipient_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "gate_met" BOOLEAN NOT NULL,
    "next_step" JSONB,
    "points" INTEGER NOT NULL,
    "interactions" INTEGER NOT NULL,
    "last_interaction_at" TIMESTAMP(3),
    "valid_until" TIMESTAMP(3) NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL,
    "stale" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "relationship_summary_pkey" PRIMARY KEY ("requester_id","recipient_id")
);

CREATE INDEX "relationship_summary_requester_id_valid_until_idx" ON "relationship_summary"("requester_id", "valid_until");
CREATE INDEX "relationship_summary_requester_id_status_percent_idx" ON "relationship_summary"("requester_id", "status", "percent" DESC);
CREATE INDEX "relationship_summary_requester_id_last_interaction_at_idx" ON "relationship_summary"("requester_id", "last_interaction_at" DESC);
CREATE INDEX "relationship_summary_recipient_id_idx" ON "relationship_summary"("recipient_id");
CREATE INDEX "relationship_summary_valid_until_idx" ON "relationship_summary"("valid_until");

ALTER TABLE "relationship_summary" ADD CONSTRAINT "relationship_summary_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "relationship_summary" ADD CONSTRAINT "relationship_summary_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing data: a stale row (due at once) for both directions of every pair with anything
-- between them. Reads evaluate due rows afresh, and the job worker (or
-- `npm run summaries:refresh`) computes them; the placeholder values are never shown.
INSERT INTO "relationship_summary" ("requester_id", "recipient_id", "status", "percent", "gate_met", "points", "interactions", "valid_until", "computed_at", "stale")
SELECT a, b, 'cold', 0, false, 0, 0, TIMESTAMP '1970-01-01', TIMESTAMP '1970-01-01', true
FROM (
    SELECT actor_id AS a, target_id AS b FROM "interaction" WHERE actor_id <> target_id
    UNION SELECT target_id, actor_id FROM "interaction" WHERE actor_id <> target_id
    UNION SELECT requester_id, recipient_id FROM "connection_request"
    UNION SELECT recipient_id, requester_id FROM "connection_request"
    UNION SELECT member_a_id, member_b_id FROM "connection"
    UNION SELECT member_b_id, member_a_id FROM "connection"
    UNION SELECT blocker_id, blocked_id FROM "block"
    UNION SELECT blocked_id, blocker_id FROM "block"
) pairs
WHERE a <> b;
