// The QA benchmark's history: five years (April 2018 to March 2023) of seed
// 003's rate, ~500 local and performance-board audits a month by the demo's
// Service Managers, with national audits twice a year, a tenth of the local
// audits moderated by the area's Head of Practice and practice observations in
// seed 003's proportion. Written set-based straight into PostgreSQL (seconds,
// not minutes); the demo organisation (with its local history) must be seeded.
import type pg from 'pg';

export const BENCH_QA_FROM = '2018-04-01';
export const BENCH_QA_TO = '2023-03-31';
const MONTHS = 60;
const LOCAL_PER_MANAGER_MONTH = 11;
const BOARD_PER_MONTH = 50;
const NATIONAL_PER_ROUND = 300;
const OBSERVATIONS_PER_MONTH = 170;

export type BenchQaCounts = {
  local: number;
  board: number;
  national: number;
  moderations: number;
  observations: number;
};

/** A stable pseudo-random 0..99 from integers, so every run writes the same history. */
const pct = (...parts: string[]) =>
  `((hashint8(${parts.map((part) => `(${part})::bigint`).join(' * 7919 + ')}) & 2147483647) % 100)`;

export async function generateQaHistory(client: pg.Client): Promise<BenchQaCounts> {
  const { rows: versions } = await client.query<{ id: string }>(
    `SELECT tv.id FROM threshold_version tv JOIN threshold_document d ON d.id = tv.document_id
     WHERE d.name = 'Threshold Document' AND tv.number = 2`,
  );
  const versionId = versions[0]?.id;
  if (!versionId) throw new Error('the demo threshold version is missing');
  // Programmes: one of each kind per financial year.
  await client.query(
    `INSERT INTO audit (id, name, kind, purpose, window_from, window_to, threshold_version_id, law_types, status)
     SELECT gen_random_uuid()::text, 'Bench ' || k.label || ' ' || y || '/' || lpad(((y + 1) % 100)::text, 2, '0'),
            k.kind::audit_kind, 'Benchmark', make_date(y, 4, 1), make_date(y + 1, 3, 31), $1,
            ARRAY['PUBLIC_LAW','PRIVATE_LAW_WAFH','PRIVATE_LAW_WTFH']::law_type[], 'REVIEW'
     FROM generate_series(2018, 2022) y
     CROSS JOIN (VALUES ('LOCAL_QUALITY_IMPACT', 'local'), ('PERFORMANCE_BOARD', 'board'),
                        ('NATIONAL_PRACTICE_QUALITY', 'national')) AS k(kind, label)`,
    [versionId],
  );
  await client.query(
    `INSERT INTO local_audit_programme (audit_id, quota_per_manager_per_month)
     SELECT id, CASE WHEN kind = 'LOCAL_QUALITY_IMPACT' THEN 2 ELSE 1 END FROM audit
     WHERE name LIKE 'Bench %' AND kind IN ('LOCAL_QUALITY_IMPACT', 'PERFORMANCE_BOARD')`,
  );
  // Each Service Manager's practitioners, numbered; every practitioner numbered too.
  await client.query(`CREATE TEMP TABLE qa_pool AS
    SELECT t.service_manager_id AS manager_id, t.service_area_id, p.id AS practitioner_id, p.team_id, p.employment,
           row_number() OVER (PARTITION BY t.service_manager_id ORDER BY p.reference) AS k,
           count(*) OVER (PARTITION BY t.service_manager_id) AS size,
           row_number() OVER (ORDER BY p.reference) AS position
    FROM practitioner p JOIN team t ON t.id = p.team_id WHERE t.service_manager_id IS NOT NULL`);
  await client.query(`CREATE TEMP TABLE qa_manager AS
    SELECT manager_id, min(service_area_id) AS service_area_id, row_number() OVER (ORDER BY manager_id) AS m
    FROM qa_pool GROUP BY manager_id`);
  const { rows: sizes } = await client.query<{ managers: string; practitioners: string }>(
    'SELECT (SELECT count(*) FROM qa_manager) AS managers, (SELECT count(*) FROM qa_pool) AS practitioners',
  );
  const managers = Number(sizes[0]?.managers);
  const practitioners = Number(sizes[0]?.practitioners);
  const { rows: nis } = await client.query<{ id: string }>(
    `SELECT id FROM app_user WHERE email = 'im.nis1@example.org'`,
  );
  // Every audit to write, one row each: local (a manager's month: two drawn, the rest picked; about one
  // manager-month in ten off target, with one audit of its two), performance board, national.
  await client.query(
    `CREATE TEMP TABLE qa_row AS
     WITH local AS (
       SELECT 'LOCAL_QUALITY_IMPACT' AS kind, mo, mg.manager_id AS auditor_id, mg.m, s,
              ${pct('mo', 'mg.m::int', '11')} < 9 AS off_target
       FROM generate_series(0, ${MONTHS - 1}) mo CROSS JOIN qa_manager mg
       CROSS JOIN generate_series(1, ${LOCAL_PER_MANAGER_MONTH}) s
     ), board AS (
       SELECT 'PERFORMANCE_BOARD' AS kind, mo, mg.manager_id AS auditor_id, mg.m, s, false AS off_target
       FROM generate_series(0, ${MONTHS - 1}) mo CROSS JOIN generate_series(1, ${BOARD_PER_MONTH}) s
       JOIN qa_manager mg ON mg.m = 1 + (hashint4(mo * 131 + s) & 2147483647) % ${managers}
     ), national AS (
       SELECT 'NATIONAL_PRACTICE_QUALITY' AS kind, 12 * y + r AS mo, $1::text AS auditor_id, 0::bigint AS m, s,
              false AS off_target
       FROM generate_series(0, 4) y CROSS JOIN (VALUES (2), (6)) AS rounds(r)
       CROSS JOIN generate_series(1, ${NATIONAL_PER_ROUND}) s
     ), every_row AS (
       SELECT * FROM local WHERE NOT off_target OR s <= 2
       UNION ALL SELECT * FROM board UNION ALL SELECT * FROM national
     )
     SELECT row_number() OVER () AS n, r.*, NOT (r.off_target AND r.s = 2) AS graded,
            (date '${BENCH_QA_FROM}' + r.mo * interval '1 month')::date AS month,
            date '${BENCH_QA_FROM}' + r.mo * interval '1 month'
              + ((hashint4(r.mo * 977 + r.s * 31 + r.m::int) & 2147483647) % 27) * interval '1 day'
              + interval '10 hours' AS submitted_at,
            2018 + (r.mo / 12) AS year
     FROM every_row r`,
    [nis[0]?.id],
  );
  await client.query(`CREATE TEMP TABLE qa_case AS
    SELECT r.*, 'QB' || lpad(r.n::text, 7, '0') AS reference, a.id AS audit_id,
           coalesce(own.practitioner_id, anyone.practitioner_id) AS practitioner_id,
           coalesce(own.team_id, anyone.team_id) AS team_id,
           coalesce(own.service_area_id, anyone.service_area_id) AS service_area_id,
           coalesce(own.employment, anyone.employment) AS employment,
           (ARRAY['good','good','good','met','not-met'])[1 + (hashint4(r.n::int * 3) & 2147483647) % 5] AS grade
    FROM qa_row r
    JOIN audit a ON a.name = 'Bench ' || CASE r.kind WHEN 'LOCAL_QUALITY_IMPACT' THEN 'local'
      WHEN 'PERFORMANCE_BOARD' THEN 'board' ELSE 'national' END || ' ' || r.year || '/' || lpad(((r.year + 1) % 100)::text, 2, '0')
    LEFT JOIN qa_pool own ON r.kind <> 'NATIONAL_PRACTICE_QUALITY' AND own.manager_id = r.auditor_id
      AND own.k = 1 + (hashint4(r.n::int) & 2147483647) % own.size
    LEFT JOIN qa_pool anyone ON r.kind = 'NATIONAL_PRACTICE_QUALITY'
      AND anyone.position = 1 + (hashint4(r.n::int) & 2147483647) % ${practitioners}`);
  await client.query(`CREATE INDEX ON qa_case (reference)`);
  await client.query(`INSERT INTO case_file (id, reference, service_area_id, team_id, practitioner_id, law_type, is_eit, subject_children)
    SELECT gen_random_uuid()::text, reference, service_area_id, team_id, practitioner_id, 'PUBLIC_LAW', false, 1 FROM qa_case`);
  await client.query(`INSERT INTO sampled_case (id, audit_id, case_file_id, practitioner_id, service_area_id, stratum_key,
                                                status, assigned_to_id, month, picked_by)
    SELECT gen_random_uuid()::text, c.audit_id, f.id, c.practitioner_id, c.service_area_id, 'bench', 'SELECTED',
           CASE WHEN c.kind = 'NATIONAL_PRACTICE_QUALITY' THEN NULL ELSE c.auditor_id END,
           CASE WHEN c.kind = 'NATIONAL_PRACTICE_QUALITY' THEN NULL ELSE c.month END,
           CASE WHEN c.kind = 'NATIONAL_PRACTICE_QUALITY' THEN NULL WHEN c.s <= 2 THEN 'draw' ELSE 'manager' END
    FROM qa_case c JOIN case_file f ON f.reference = c.reference`);
  await client.query(`INSERT INTO case_audit (id, sampled_case_id, audit_id, service_area_id, auditor_id, threshold_version_id,
                              status, answers, overall_grade, children_seen, submitted_at, version, updated_at,
                              practitioner_id, team_id, law_type, is_eit, employment,
                              qa_collaborative, qa_family_feedback, qa_management_oversight_expected,
                              qa_management_oversight, qa_supervision, qa_supervision_impact)
    SELECT gen_random_uuid()::text, sc.id, c.audit_id, c.service_area_id, c.auditor_id, '${versionId}', 'SUBMITTED',
           jsonb_build_object('overallGrade', c.grade, 'sections', '{}'::jsonb), c.grade, 'SEEN', c.submitted_at, 1,
           c.submitted_at, c.practitioner_id, c.team_id, 'PUBLIC_LAW', false, c.employment,
           c.kind = 'LOCAL_QUALITY_IMPACT' AND ${pct('c.n::int', '2')} < 53,
           ${pct('c.n::int', '3')} < 44,
           ${pct('c.n::int', '5')} < 75,
           CASE WHEN ${pct('c.n::int', '5')} < 75 THEN ${pct('c.n::int', '7')} < 82 END,
           CASE WHEN ${pct('c.n::int', '13')} < 65 THEN ${pct('c.n::int', '17')} < 78 END,
           CASE WHEN ${pct('c.n::int', '13')} < 65 AND ${pct('c.n::int', '17')} < 78 THEN ${pct('c.n::int', '19')} < 50 END
    FROM qa_case c JOIN case_file f ON f.reference = c.reference JOIN sampled_case sc ON sc.case_file_id = f.id
    WHERE c.graded`);
  // A tenth of the local audits, moderated blind by the area's Head of Practice a few days later.
  await client.query(`INSERT INTO local_moderation (id, audit_id, case_audit_id, service_area_id, team_id, manager_id,
                                    moderator_id, chosen_by, status, first_overall_grade, first_section_grades,
                                    overall_grade, submitted_at, agreed_overall_grade, agreed_at)
    SELECT gen_random_uuid()::text, ca.audit_id, ca.id, ca.service_area_id, ca.team_id, ca.auditor_id, hop.id, 'draw',
           'MODERATED', ca.overall_grade, '{}'::jsonb,
           CASE WHEN ${pct('hashtext(ca.id)')} < 12 THEN 'met' ELSE ca.overall_grade END,
           ca.submitted_at + interval '5 days',
           CASE WHEN ${pct('hashtext(ca.id)')} < 12 THEN 'met' ELSE ca.overall_grade END, ca.submitted_at + interval '6 days'
    FROM case_audit ca JOIN audit a ON a.id = ca.audit_id AND a.kind = 'LOCAL_QUALITY_IMPACT' AND a.name LIKE 'Bench %'
    JOIN app_user hop ON hop.role = 'HEAD_OF_PRACTICE' AND hop.service_area_id = ca.service_area_id
    WHERE ${pct('hashtext(ca.id)', '23')} < 10`);
  await client.query(`INSERT INTO practice_observation (id, service_area_id, team_id, practitioner_id, observer_id,
                                        observed_on, setting, answers, feedback)
    SELECT gen_random_uuid()::text, p.service_area_id, p.team_id, p.practitioner_id, p.manager_id,
           date '${BENCH_QA_FROM}' + mo * interval '1 month' + (s % 27) * interval '1 day',
           (ARRAY['DIRECT_WORK_WITH_CHILD','MEETING','COURT_HEARING'])[1 + s % 3]::observation_setting,
           '{"childsVoice":"STRONG","purpose":"STRONG","riskAnalysis":"DEVELOPING","relationship":"STRONG","recording":"STRONG"}'::jsonb,
           'Benchmark observation'
    FROM generate_series(0, ${MONTHS - 1}) mo CROSS JOIN generate_series(1, ${OBSERVATIONS_PER_MONTH}) s
    JOIN qa_pool p ON p.position = 1 + (hashint4(mo * 1009 + s) & 2147483647) % ${practitioners}`);
  await client.query('VACUUM ANALYZE');
  const { rows } = await client.query<Record<keyof BenchQaCounts, string>>(`
    SELECT count(*) FILTER (WHERE a.kind = 'LOCAL_QUALITY_IMPACT') AS local,
           count(*) FILTER (WHERE a.kind = 'PERFORMANCE_BOARD') AS board,
           count(*) FILTER (WHERE a.kind = 'NATIONAL_PRACTICE_QUALITY') AS national,
           (SELECT count(*) FROM local_moderation m JOIN audit b ON b.id = m.audit_id AND b.name LIKE 'Bench %') AS moderations,
           (SELECT count(*) FROM practice_observation WHERE observed_on < '2023-04-01') AS observations
    FROM case_audit ca JOIN audit a ON a.id = ca.audit_id AND a.name LIKE 'Bench %'`);
  const row = rows[0];
  return {
    local: Number(row?.local),
    board: Number(row?.board),
    national: Number(row?.national),
    moderations: Number(row?.moderations),
    observations: Number(row?.observations),
  };
}
