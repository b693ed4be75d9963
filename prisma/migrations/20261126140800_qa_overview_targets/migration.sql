-- The QA overview's (seed 003) two targets beside the dashboards' own: supervision judged to have had an
-- impact, and local quality-and-impact audits on target. Data, not code (parseDashboardRules).
UPDATE "dashboard_rule"
SET "content" = jsonb_set(
      jsonb_set("content", '{qaTargets,supervisionImpact}', '60'::jsonb),
      '{qaTargets,localAuditsOnTarget}', '95'::jsonb),
    "version" = "version" + 1,
    "updated_at" = CURRENT_TIMESTAMP
WHERE "id" = 'national' AND NOT ("content"->'qaTargets' ? 'localAuditsOnTarget');
