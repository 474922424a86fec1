-- Idempotency keys (issue 19): one stored answer per caller and key, kept 24 hours.
CREATE TABLE "idempotency_key" (
    "caller" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "response_status" INTEGER NOT NULL,
    "response_body" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("caller","key")
);

CREATE INDEX "idempotency_key_expires_at_idx" ON "idempotency_key"("expires_at");
