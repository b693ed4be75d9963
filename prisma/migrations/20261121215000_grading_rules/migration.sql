-- Grade history is append-only: the database refuses UPDATE, DELETE, TRUNCATE.
CREATE TRIGGER case_audit_history_append_only
  BEFORE UPDATE OR DELETE ON "case_audit_history"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER case_audit_history_no_truncate
  BEFORE TRUNCATE ON "case_audit_history"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- A published audit's grades are frozen.
CREATE FUNCTION refuse_change_in_published_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM audit WHERE id = OLD.audit_id AND status = 'PUBLISHED') THEN
    RAISE EXCEPTION 'audit % is published: its grades are final', OLD.audit_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER case_audit_frozen_when_published
  BEFORE UPDATE OR DELETE ON "case_audit"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_in_published_audit();

ALTER TABLE "case_audit" ADD CONSTRAINT "case_audit_submitted_has_grade" CHECK (
  "status" = 'IN_PROGRESS' OR ("overall_grade" IS NOT NULL AND "submitted_at" IS NOT NULL)
);
