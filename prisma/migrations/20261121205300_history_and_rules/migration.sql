-- Rules the database itself keeps, whatever code writes to it.

-- audit_event is append-only: no UPDATE or DELETE of a row, no TRUNCATE
-- (TRUNCATE skips row triggers, so it needs its own statement trigger).
CREATE FUNCTION refuse_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed: history is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- Heads of Service and Assistant Directors run exactly one area; every other
-- role is national.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_area_matches_role" CHECK (
  ("role" IN ('HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR')) = ("service_area_id" IS NOT NULL)
);

-- Emails are stored lower-case so that sign-in and uniqueness agree.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_email_lower_case" CHECK ("email" = lower("email"));
