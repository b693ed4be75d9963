-- Cases added to an audit (a results import into a published audit) make its
-- stored summary stale: forget it, and the next dashboard read rebuilds it.
CREATE FUNCTION forget_audit_summary() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM audit_summary_state WHERE audit_id IN (SELECT DISTINCT audit_id FROM inserted);
  DELETE FROM audit_summary WHERE audit_id IN (SELECT DISTINCT audit_id FROM inserted);
  DELETE FROM audit_section_summary WHERE audit_id IN (SELECT DISTINCT audit_id FROM inserted);
  RETURN NULL;
END;
$$;

CREATE TRIGGER case_audit_forgets_summary
  AFTER INSERT ON "case_audit"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION forget_audit_summary();

-- The national rules (lib/domain/dashboard.ts DEFAULT_DASHBOARD_RULES).
INSERT INTO dashboard_rule (id, content) VALUES (
  'national',
  '{"rag":{"goodOrAbove":{"amberWithinPoints":5},"lowest":{"amberWithinPoints":3}},"qaTargets":{"collaborative":80,"familyFeedback":60,"managementOversight":90,"supervision":90,"childrenSeen":90},"minGroupSize":5}'::jsonb
);
