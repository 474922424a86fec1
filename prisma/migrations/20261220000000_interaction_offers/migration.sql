-- "Found for you" (issue 20): a member may let Rapport read their own public Bluesky posts for
-- replies to and mentions of other members with verified accounts, and offer them for logging.
ALTER TABLE "member" ADD COLUMN "find_interactions" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "interactions_found_at" TIMESTAMP(3);

-- The daily sweep picks opted-in members, least recently searched first.
CREATE INDEX "member_find_interactions_interactions_found_at_idx" ON "member"("find_interactions", "interactions_found_at");

CREATE TABLE "interaction_offer" (
    "id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "post_uri" TEXT NOT NULL,
    "post_url" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "interaction_offer_pkey" PRIMARY KEY ("id")
);

-- One offer per post and member it concerns, ever: a re-run of the finder inserts nothing new,
-- and an offer added or dismissed is never offered again.
CREATE UNIQUE INDEX "interaction_offer_actor_id_target_id_post_uri_key" ON "interaction_offer"("actor_id", "target_id", "post_uri");
CREATE INDEX "interaction_offer_actor_id_state_occurred_at_idx" ON "interaction_offer"("actor_id", "state", "occurred_at" DESC);
CREATE INDEX "interaction_offer_target_id_idx" ON "interaction_offer"("target_id");

ALTER TABLE "interaction_offer" ADD CONSTRAINT "interaction_offer_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "interaction_offer" ADD CONSTRAINT "interaction_offer_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
