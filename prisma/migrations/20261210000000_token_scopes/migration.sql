-- Scoped, expiring personal access tokens (issue 21).
-- Tokens made before scopes existed could do everything a member can over the API; they keep
-- exactly that (read + write:*, never admin) until their owner replaces them, and they keep
-- not expiring. New tokens always state their scopes, so the default is dropped afterwards.
-- Prisma creates scalar lists as nullable columns (schema.prisma cannot say otherwise); the
-- CHECK keeps a token from ever having no scope list at all.
ALTER TABLE "api_token" ADD COLUMN "scopes" TEXT[] DEFAULT ARRAY['read', 'write:content', 'write:requests']::TEXT[];
ALTER TABLE "api_token" ALTER COLUMN "scopes" DROP DEFAULT;
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_scopes_present" CHECK ("scopes" IS NOT NULL AND cardinality("scopes") > 0);
ALTER TABLE "api_token" ADD COLUMN "expires_at" TIMESTAMP(3);
ALTER TABLE "api_token" ADD COLUMN "last_used_ip" TEXT;
