-- A published threshold version is immutable, and cannot be deleted.
CREATE FUNCTION refuse_published_version_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'PUBLISHED' THEN
    RAISE EXCEPTION 'threshold version % is published and cannot change', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER threshold_version_published_is_final
  BEFORE UPDATE OR DELETE ON "threshold_version"
  FOR EACH ROW EXECUTE FUNCTION refuse_published_version_change();

-- An audit's threshold version is locked once sampling starts; an audit can
-- only leave draft on a published version; a published audit is final.
CREATE FUNCTION enforce_audit_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'PUBLISHED' THEN
    RAISE EXCEPTION 'audit % is published and cannot change', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status <> 'DRAFT' AND NEW.threshold_version_id <> OLD.threshold_version_id THEN
    RAISE EXCEPTION 'audit % has started sampling: its threshold version is locked', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status <> 'DRAFT' AND NOT EXISTS (
    SELECT 1 FROM threshold_version WHERE id = NEW.threshold_version_id AND status = 'PUBLISHED'
  ) THEN
    RAISE EXCEPTION 'audit % must use a published threshold version before it leaves draft', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_rules
  BEFORE INSERT OR UPDATE ON "audit"
  FOR EACH ROW EXECUTE FUNCTION enforce_audit_rules();

ALTER TABLE "audit" ADD CONSTRAINT "audit_window_in_order" CHECK ("window_from" <= "window_to");
ALTER TABLE "audit" ADD CONSTRAINT "audit_targets_are_percentages" CHECK (
  ("good_or_above_target" IS NULL OR "good_or_above_target" BETWEEN 0 AND 100)
  AND ("lowest_target" IS NULL OR "lowest_target" BETWEEN 0 AND 100)
);
