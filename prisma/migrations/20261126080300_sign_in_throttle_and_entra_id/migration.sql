-- Sign-in lockout and throttle (ADR: "Sign-in lockout and per-address throttle").
-- Failures count within 15 minutes of the last attempt, so a right password no
-- longer wipes the count (which lost failures counted by parallel attempts).
ALTER TABLE "app_user" ADD COLUMN "last_sign_in_attempt_at" TIMESTAMPTZ(3);

-- Entra ID's immutable object id: single sign-on matches on it once linked,
-- never again on the changeable email claim.
ALTER TABLE "app_user" ADD COLUMN "entra_object_id" TEXT;
CREATE UNIQUE INDEX "app_user_entra_object_id_key" ON "app_user"("entra_object_id");

-- rate-limiter-flexible's RateLimiterPostgres layout, created here so that no
-- instance runs DDL at start-up (the app is built with tableCreated: true).
-- expire is epoch milliseconds; the library deletes rows an hour after expiry.
CREATE TABLE "sign_in_throttle" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);
