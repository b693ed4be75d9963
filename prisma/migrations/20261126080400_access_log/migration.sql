-- Access log (docs/decisions.md): sign-ins, refusals, exports of personal data,
-- role and area changes. Append-only, like audit_event, except that the purge script may
-- delete rows older than the retention it declares for its own transaction.

-- CreateTable
CREATE TABLE "access_log" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,

    CONSTRAINT "access_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "access_log_occurred_at_idx" ON "access_log"("occurred_at");

-- CreateIndex
CREATE INDEX "access_log_actor_id_occurred_at_idx" ON "access_log"("actor_id", "occurred_at");

-- CreateIndex
CREATE INDEX "access_log_action_occurred_at_idx" ON "access_log"("action", "occurred_at");

-- The actions are a closed set (lib/domain/access-log.ts); a typo in code
-- must fail loudly rather than write a row no search will ever find.
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_action_known" CHECK ("action" IN (
  'sign-in', 'sign-in-failed', 'sign-out', 'refused', 'export', 'role-change', 'area-change',
  'access-log-purge'
));
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_actor_email_length" CHECK (char_length("actor_email") <= 254);
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_target_length" CHECK (char_length("target") <= 500);
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_ip_length" CHECK (char_length("ip") <= 100);

-- UPDATE is never allowed. DELETE is allowed only inside a transaction that
-- ran `SET LOCAL threshold.access_log_purge = 'on'` and
-- `SET LOCAL threshold.access_log_retention_days = '<n>'` (n >= 1), and only for
-- rows that occurred more than n days before the transaction started. So a
-- purge can never remove recent rows, whatever the script's bugs, and nothing
-- outside a purge can remove any.
CREATE FUNCTION guard_access_log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  retention_text text;
  retention_days integer;
BEGIN
  IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW'
     AND coalesce(current_setting('threshold.access_log_purge', true), '') = 'on' THEN
    retention_text := coalesce(current_setting('threshold.access_log_retention_days', true), '');
    IF retention_text !~ '^[0-9]{1,6}$' THEN
      RAISE EXCEPTION 'access_log purge needs threshold.access_log_retention_days (whole days)'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    retention_days := retention_text::integer;
    IF retention_days < 1 THEN
      RAISE EXCEPTION 'access_log retention must be at least one day'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD."occurred_at" < now() - make_interval(days => retention_days) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'access_log row % is within the % day retention and cannot be purged',
      OLD."id", retention_days
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RAISE EXCEPTION '% on % is not allowed: the access log is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_log_append_only
  BEFORE UPDATE OR DELETE ON "access_log"
  FOR EACH ROW EXECUTE FUNCTION guard_access_log_change();

CREATE TRIGGER access_log_no_truncate
  BEFORE TRUNCATE ON "access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION guard_access_log_change();
