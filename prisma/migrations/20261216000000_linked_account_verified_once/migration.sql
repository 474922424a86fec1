-- One account on another network is verified for one Rapport member at most. The linking
-- transaction checks it first; this index settles two members verifying the same DID at the
-- same moment (the second commit fails and is told the account is taken).
CREATE UNIQUE INDEX "linked_account_verified_external_key" ON "linked_account" ("network", "external_id") WHERE "verified_at" IS NOT NULL;
