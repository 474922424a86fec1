-- CreateEnum
CREATE TYPE "Role" AS ENUM ('member', 'admin');

-- CreateTable
CREATE TABLE "member" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "headline" TEXT NOT NULL DEFAULT '',
    "bio" TEXT NOT NULL DEFAULT '',
    "location" TEXT,
    "link_x" TEXT,
    "link_linkedin" TEXT,
    "link_mastodon" TEXT,
    "link_bluesky" TEXT,
    "link_github" TEXT,
    "link_website" TEXT,
    "password_hash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'member',
    "suspended_at" TIMESTAMP(3),
    "suspended_until" TIMESTAMP(3),
    "suspended_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oauth_account" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,

    CONSTRAINT "oauth_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy" (
    "member_id" TEXT NOT NULL,
    "preset" TEXT NOT NULL DEFAULT 'standard',
    "min_points" INTEGER NOT NULL DEFAULT 6,
    "min_interactions" INTEGER NOT NULL DEFAULT 2,
    "min_distinct_days" INTEGER NOT NULL DEFAULT 2,
    "min_span_days" INTEGER NOT NULL DEFAULT 0,
    "require_conversation" BOOLEAN NOT NULL DEFAULT true,
    "require_reciprocity" BOOLEAN NOT NULL DEFAULT false,
    "freshness_days" INTEGER NOT NULL DEFAULT 180,
    "daily_point_cap" INTEGER NOT NULL DEFAULT 6,
    "pending_logged_counts" TEXT NOT NULL DEFAULT 'half',
    "allow_introductions" BOOLEAN NOT NULL DEFAULT true,
    "min_account_age_days" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "policy_pkey" PRIMARY KEY ("member_id")
);

-- CreateTable
CREATE TABLE "app_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "values" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post" (
    "id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "shared_post_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),

    CONSTRAINT "post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment" (
    "id" TEXT NOT NULL,
    "post_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "parent_id" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reaction" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "post_id" TEXT,
    "comment_id" TEXT,
    "type" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kudos" (
    "id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "recipient_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),

    CONSTRAINT "kudos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "logged_interaction" (
    "id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurred_on" DATE NOT NULL,
    "evidence_url" TEXT,
    "summary" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "logged_interaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interaction" (
    "id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "verification" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "post_id" TEXT,
    "comment_id" TEXT,
    "kudos_id" TEXT,
    "logged_id" TEXT,
    "introduction_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connection_request" (
    "id" TEXT NOT NULL,
    "requester_id" TEXT NOT NULL,
    "recipient_id" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "pending_pair_key" TEXT,
    "decline_reason" TEXT,
    "snapshot" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "decided_at" TIMESTAMP(3),
    "cooldown_until" TIMESTAMP(3),

    CONSTRAINT "connection_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connection" (
    "member_a_id" TEXT NOT NULL,
    "member_b_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "connection_pkey" PRIMARY KEY ("member_a_id","member_b_id"),
    -- An undirected pair is stored once, smaller id first.
    CONSTRAINT "connection_order_check" CHECK ("member_a_id" < "member_b_id")
);

-- CreateTable
CREATE TABLE "block" (
    "blocker_id" TEXT NOT NULL,
    "blocked_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "block_pkey" PRIMARY KEY ("blocker_id","blocked_id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" TEXT NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_attempt" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "introduction" (
    "id" TEXT NOT NULL,
    "introducer_id" TEXT NOT NULL,
    "introduced_id" TEXT NOT NULL,
    "introduced_to_id" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "introduction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report" (
    "id" TEXT NOT NULL,
    "reporter_id" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "open_key" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),
    "resolved_by_id" TEXT,

    CONSTRAINT "report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "member_email_key" ON "member"("email");

-- CreateIndex
CREATE UNIQUE INDEX "member_handle_key" ON "member"("handle");

-- CreateIndex
CREATE INDEX "oauth_account_member_id_idx" ON "oauth_account"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_account_provider_provider_account_id_key" ON "oauth_account"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_member_id_idx" ON "api_token"("member_id");

-- CreateIndex
CREATE INDEX "post_created_at_id_idx" ON "post"("created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "post_author_id_created_at_idx" ON "post"("author_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "comment_post_id_created_at_idx" ON "comment"("post_id", "created_at");

-- CreateIndex
CREATE INDEX "comment_author_id_created_at_idx" ON "comment"("author_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "reaction_post_id_idx" ON "reaction"("post_id");

-- CreateIndex
CREATE INDEX "reaction_comment_id_idx" ON "reaction"("comment_id");

-- CreateIndex
CREATE UNIQUE INDEX "reaction_member_id_post_id_key" ON "reaction"("member_id", "post_id");

-- CreateIndex
CREATE UNIQUE INDEX "reaction_member_id_comment_id_key" ON "reaction"("member_id", "comment_id");

-- CreateIndex
CREATE INDEX "kudos_recipient_id_created_at_idx" ON "kudos"("recipient_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "kudos_author_id_created_at_idx" ON "kudos"("author_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "logged_interaction_target_id_status_created_at_idx" ON "logged_interaction"("target_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "logged_interaction_actor_id_created_at_idx" ON "logged_interaction"("actor_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "logged_interaction_actor_id_target_id_evidence_url_key" ON "logged_interaction"("actor_id", "target_id", "evidence_url");

-- CreateIndex
CREATE UNIQUE INDEX "interaction_source_key_key" ON "interaction"("source_key");

-- CreateIndex
CREATE INDEX "interaction_actor_id_target_id_occurred_at_idx" ON "interaction"("actor_id", "target_id", "occurred_at");

-- CreateIndex
CREATE INDEX "interaction_target_id_actor_id_occurred_at_idx" ON "interaction"("target_id", "actor_id", "occurred_at");

-- CreateIndex
CREATE INDEX "interaction_post_id_idx" ON "interaction"("post_id");

-- CreateIndex
CREATE INDEX "interaction_comment_id_idx" ON "interaction"("comment_id");

-- CreateIndex
CREATE UNIQUE INDEX "connection_request_pending_pair_key_key" ON "connection_request"("pending_pair_key");

-- CreateIndex
CREATE INDEX "connection_request_requester_id_created_at_idx" ON "connection_request"("requester_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "connection_request_recipient_id_status_created_at_idx" ON "connection_request"("recipient_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "connection_request_requester_id_recipient_id_cooldown_until_idx" ON "connection_request"("requester_id", "recipient_id", "cooldown_until");

-- CreateIndex
CREATE INDEX "connection_request_status_expires_at_idx" ON "connection_request"("status", "expires_at");

-- CreateIndex
CREATE INDEX "connection_member_b_id_idx" ON "connection"("member_b_id");

-- CreateIndex
CREATE INDEX "block_blocked_id_idx" ON "block"("blocked_id");

-- CreateIndex
CREATE INDEX "notification_member_id_created_at_idx" ON "notification"("member_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_subject_type_subject_id_idx" ON "audit_event"("subject_type", "subject_id");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_created_at_idx" ON "audit_event"("actor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_action_created_at_idx" ON "audit_event"("action", "created_at" DESC);

-- CreateIndex
CREATE INDEX "auth_attempt_kind_key_created_at_idx" ON "auth_attempt"("kind", "key", "created_at" DESC);

-- CreateIndex
CREATE INDEX "introduction_introduced_id_introduced_to_id_created_at_idx" ON "introduction"("introduced_id", "introduced_to_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "report_open_key_key" ON "report"("open_key");

-- CreateIndex
CREATE INDEX "report_status_created_at_idx" ON "report"("status", "created_at");

-- AddForeignKey
ALTER TABLE "oauth_account" ADD CONSTRAINT "oauth_account_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy" ADD CONSTRAINT "policy_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_shared_post_id_fkey" FOREIGN KEY ("shared_post_id") REFERENCES "post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reaction" ADD CONSTRAINT "reaction_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reaction" ADD CONSTRAINT "reaction_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reaction" ADD CONSTRAINT "reaction_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "logged_interaction" ADD CONSTRAINT "logged_interaction_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "logged_interaction" ADD CONSTRAINT "logged_interaction_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connection_request" ADD CONSTRAINT "connection_request_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connection_request" ADD CONSTRAINT "connection_request_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connection" ADD CONSTRAINT "connection_member_a_id_fkey" FOREIGN KEY ("member_a_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connection" ADD CONSTRAINT "connection_member_b_id_fkey" FOREIGN KEY ("member_b_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "block" ADD CONSTRAINT "block_blocker_id_fkey" FOREIGN KEY ("blocker_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "block" ADD CONSTRAINT "block_blocked_id_fkey" FOREIGN KEY ("blocked_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_introducer_id_fkey" FOREIGN KEY ("introducer_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_introduced_id_fkey" FOREIGN KEY ("introduced_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_introduced_to_id_fkey" FOREIGN KEY ("introduced_to_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
