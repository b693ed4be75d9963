-- The QA overview's (seed 003) two targets beside the dashboards' own: supervision judged to have had an
-- impact, and local quality-and-impact audits on target. Data, not code (parseDashboardRules).
UPDATE "dashboard_rule"
SET "content" = jsonb_set(
      jsonb_set("content", '{qaTargets,supervisionImpact}', '60'::jsonb),
      '{qaTargets,localAuditsOnTarget}', '95'::jsonb),
    "version" = "version" + 1,
    "updated_at" = CURRENT_TIMESTAMP
WHERE "id" = 'national' AND NOT ("content"->'qaTargets' ? 'localAuditsOnTarget');

-- The QA overview counts a period's submitted audits, and local audits' manager-months, from these
-- indexes alone (index-only scans), so five years of ~500 audits a month stay well under 300 ms.
CREATE INDEX "case_audit_qa_overview_idx" ON "case_audit"("submitted_at", "status", "audit_id", "service_area_id", "sampled_case_id", "qa_collaborative", "qa_family_feedback", "qa_management_oversight_expected", "qa_management_oversight", "qa_supervision", "qa_supervision_impact");
CREATE INDEX "sampled_case_month_idx" ON "sampled_case"("month", "audit_id", "status", "assigned_to_id", "service_area_id", "id");
