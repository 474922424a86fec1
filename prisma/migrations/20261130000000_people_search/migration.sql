-- Finding people (issue 14): topics, the opt-out, and search in the database.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. PGlite
-- ships it as a contrib extension, loaded when the instance is created (lib/db/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE "member" ADD COLUMN "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "discoverable" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "search_vector" tsvector;

-- The weighted document: name and handle (A), headline and topics (B), bio and location (C).
-- Email is never part of it. Kept by a trigger rather than a generated column because
-- array_to_string is not IMMUTABLE, which a generated column requires.
CREATE FUNCTION "member_search_document"(name TEXT, handle TEXT, headline TEXT, topics TEXT[], bio TEXT, location TEXT)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(name, '') || ' ' || replace(coalesce(handle, ''), '_', ' ')), 'A')
      || setweight(to_tsvector('english', coalesce(headline, '') || ' ' || coalesce(array_to_string(topics, ' '), '')), 'B')
      || setweight(to_tsvector('english', coalesce(bio, '') || ' ' || coalesce(location, '')), 'C')
$$;

CREATE FUNCTION "member_search_vector_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_vector" := "member_search_document"(NEW."name", NEW."handle", NEW."headline", NEW."topics", NEW."bio", NEW."location");
  RETURN NEW;
END
$$;

CREATE TRIGGER "member_search_vector_update"
BEFORE INSERT OR UPDATE OF "name", "handle", "headline", "topics", "bio", "location" ON "member"
FOR EACH ROW EXECUTE FUNCTION "member_search_vector_update"();

UPDATE "member" SET "search_vector" = "member_search_document"("name", "handle", "headline", "topics", "bio", "location");

-- CreateIndex
CREATE INDEX "member_topics_idx" ON "member" USING GIN ("topics");

-- Hand-written (schema.prisma cannot express them; listed in tests/integration/schema-drift.test.ts).
CREATE INDEX "member_search_vector_idx" ON "member" USING GIN ("search_vector");
CREATE INDEX "member_name_trgm_idx" ON "member" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "member_handle_trgm_idx" ON "member" USING GIN ("handle" gin_trgm_ops);
-- The directory's order (name as the "C" collation lowers it, then id): a topic or the whole
-- directory reads the first page in order instead of sorting every match.
CREATE INDEX "member_name_key_idx" ON "member" (lower("name" COLLATE "C"), ("id" COLLATE "C"));
