-- Nobody moderates a benchmark they are party to: the moderator is neither the
-- benchmarker, nor the auditor whose grades were compared, nor the case's
-- auditor of record (case_audit.auditor_id, the person who submitted it).
-- Otherwise one person could grade a case a second time and then settle the
-- disagreement with themselves, overruling the auditor alone.
CREATE FUNCTION refuse_moderation_by_a_grader() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.moderated_by_id = NEW.benchmarker_id THEN
    RAISE EXCEPTION 'benchmark %: the benchmarker cannot moderate it', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.moderated_by_id = NEW.auditor_id
     OR EXISTS (SELECT 1 FROM case_audit WHERE id = NEW.case_audit_id AND auditor_id = NEW.moderated_by_id) THEN
    RAISE EXCEPTION 'benchmark %: the case''s auditor cannot moderate it', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER benchmark_moderator_not_a_grader
  BEFORE INSERT OR UPDATE ON "benchmark"
  FOR EACH ROW WHEN (NEW.moderated_by_id IS NOT NULL)
  EXECUTE FUNCTION refuse_moderation_by_a_grader();

-- Repair what the earlier code left behind: case_audit.auditor_id kept whoever
-- first saved a draft. The auditor of record is whoever submitted the case (its
-- latest 'submitted' history row); an unsubmitted draft belongs to the auditor
-- the case is assigned to. No grade changes, so a published audit's freeze does
-- not apply; each correction is logged in audit_event.
ALTER TABLE "case_audit" DISABLE TRIGGER case_audit_frozen_when_published;
-- One statement: every part reads the rows as they were before the UPDATE.
WITH repair AS (
  SELECT ca.id, ca.auditor_id AS from_id, s.actor_id AS to_id, 'submitted' AS reason
  FROM case_audit ca
  JOIN LATERAL (
    SELECT h.actor_id FROM case_audit_history h
    WHERE h.case_audit_id = ca.id AND h.event = 'submitted'
    ORDER BY h.id DESC LIMIT 1
  ) s ON true
  WHERE ca.status = 'SUBMITTED' AND ca.auditor_id <> s.actor_id
  UNION ALL
  SELECT ca.id, ca.auditor_id, sc.assigned_to_id, 'draft of a reassigned case'
  FROM case_audit ca
  JOIN sampled_case sc ON sc.id = ca.sampled_case_id
  JOIN audit a ON a.id = ca.audit_id
  WHERE ca.status <> 'SUBMITTED' AND a.status <> 'PUBLISHED'
    AND sc.assigned_to_id IS NOT NULL AND ca.auditor_id <> sc.assigned_to_id
), repaired AS (
  UPDATE case_audit ca SET auditor_id = r.to_id FROM repair r WHERE ca.id = r.id RETURNING ca.id
)
INSERT INTO audit_event (actor_id, action, entity_type, entity_id, detail)
  SELECT NULL, 'case-audit.auditor-of-record-repaired', 'case_audit', r.id,
         jsonb_build_object('from', r.from_id, 'to', r.to_id, 'reason', r.reason)
  FROM repair r;
ALTER TABLE "case_audit" ENABLE TRIGGER case_audit_frozen_when_published;
