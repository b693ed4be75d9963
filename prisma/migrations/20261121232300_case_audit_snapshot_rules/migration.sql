-- A case audit keeps the case as it was when it was graded: law type, EIT,
-- practitioner, team and employment. Imports of past results give their own
-- values; otherwise they come from the case file and the practitioner.
CREATE FUNCTION fill_case_audit_snapshot() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.law_type IS NULL OR NEW.is_eit IS NULL OR NEW.practitioner_id IS NULL OR NEW.employment IS NULL THEN
    SELECT COALESCE(NEW.law_type, cf.law_type),
           COALESCE(NEW.is_eit, cf.is_eit),
           COALESCE(NEW.practitioner_id, sc.practitioner_id),
           COALESCE(NEW.team_id, cf.team_id, p.team_id),
           COALESCE(NEW.employment, p.employment)
      INTO NEW.law_type, NEW.is_eit, NEW.practitioner_id, NEW.team_id, NEW.employment
      FROM sampled_case sc
      JOIN case_file cf ON cf.id = sc.case_file_id
      JOIN practitioner p ON p.id = sc.practitioner_id
     WHERE sc.id = NEW.sampled_case_id;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER case_audit_snapshot
  BEFORE INSERT ON "case_audit"
  FOR EACH ROW EXECUTE FUNCTION fill_case_audit_snapshot();

-- Backfilling the snapshot changes no grade, so published audits' freeze
-- does not apply to it.
ALTER TABLE "case_audit" DISABLE TRIGGER case_audit_frozen_when_published;
UPDATE case_audit ca
   SET law_type = cf.law_type,
       is_eit = cf.is_eit,
       practitioner_id = sc.practitioner_id,
       team_id = COALESCE(cf.team_id, p.team_id),
       employment = p.employment
  FROM sampled_case sc
  JOIN case_file cf ON cf.id = sc.case_file_id
  JOIN practitioner p ON p.id = sc.practitioner_id
 WHERE sc.id = ca.sampled_case_id AND ca.law_type IS NULL;
ALTER TABLE "case_audit" ENABLE TRIGGER case_audit_frozen_when_published;

ALTER TABLE "case_audit" ADD CONSTRAINT "case_audit_snapshot_complete" CHECK (
  "law_type" IS NOT NULL AND "is_eit" IS NOT NULL AND "practitioner_id" IS NOT NULL AND "employment" IS NOT NULL
);
