-- The replacement log is history: append-only.
CREATE TRIGGER sample_replacement_append_only
  BEFORE UPDATE OR DELETE ON "sample_replacement"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER sample_replacement_no_truncate
  BEFORE TRUNCATE ON "sample_replacement"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- A locked sample is immutable: its seed and parameters never change, it is
-- never unlocked, and no case joins or leaves it (replacement only moves
-- cases between selected, reserve and replaced).
CREATE FUNCTION refuse_locked_sample_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.locked_at IS NOT NULL THEN
    IF TG_OP = 'DELETE' OR NEW.locked_at IS NULL OR NEW.seed <> OLD.seed
       OR NEW.share_percent <> OLD.share_percent OR NEW.parameters <> OLD.parameters THEN
      RAISE EXCEPTION 'the sample of audit % is locked', OLD.audit_id USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_sample_locked_is_final
  BEFORE UPDATE OR DELETE ON "audit_sample"
  FOR EACH ROW EXECUTE FUNCTION refuse_locked_sample_change();

CREATE FUNCTION refuse_locked_membership_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target_audit TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD.audit_id ELSE NEW.audit_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM audit_sample WHERE audit_id = target_audit AND locked_at IS NOT NULL) THEN
    RAISE EXCEPTION 'the sample of audit % is locked: cases can only be replaced from the reserve list', target_audit
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER sampled_case_locked_membership
  BEFORE INSERT OR DELETE ON "sampled_case"
  FOR EACH ROW EXECUTE FUNCTION refuse_locked_membership_change();

ALTER TABLE "audit_sample" ADD CONSTRAINT "audit_sample_share_is_percentage" CHECK ("share_percent" BETWEEN 1 AND 100);
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_subject_children" CHECK ("subject_children" BETWEEN 0 AND 30);
