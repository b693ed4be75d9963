// The benchmarks' data: published national audits a month apart, each with
// its graded cases, written set-based straight into PostgreSQL (a million
// cases take a few minutes, not hours). The demo organisation must be seeded.
import type pg from 'pg';

export const benchAuditName = (n: number) => `Bench Audit ${String(n).padStart(3, '0')}`;

/** `auditCount` published audits a month apart, `casesPerAudit` graded cases each; returns the latest's id. */
export async function generateGradedAudits(
  client: pg.Client,
  auditCount: number,
  casesPerAudit: number,
): Promise<string> {
  const { rows: versions } = await client.query<{ id: string }>(
    `SELECT tv.id FROM threshold_version tv JOIN threshold_document d ON d.id = tv.document_id
     WHERE d.name = 'Threshold Document' AND tv.label = 'October 2014'`,
  );
  const versionId = versions[0]?.id;
  if (!versionId) throw new Error('the demo threshold version is missing');
  const { rows: users } = await client.query<{ id: string }>(
    `SELECT id FROM app_user WHERE email = 'im@example.org'`,
  );
  await client.query(
    `INSERT INTO audit (id, name, kind, purpose, window_from, window_to, threshold_version_id, law_types,
                        good_or_above_target, lowest_target, status)
     SELECT gen_random_uuid()::text, 'Bench Audit ' || lpad(n::text, 3, '0'), 'NATIONAL_PRACTICE_QUALITY', 'Benchmark',
            date '2016-01-01' + (n - 1) * interval '1 month',
            date '2016-01-01' + n * interval '1 month' - interval '1 day',
            $1, ARRAY['PUBLIC_LAW','PRIVATE_LAW_WAFH','PRIVATE_LAW_WTFH']::law_type[], 60, 14, 'PUBLISHED'
     FROM generate_series(1, $2::int) n`,
    [versionId, auditCount],
  );
  // Practitioners with their team and area, numbered, so every case has a real one.
  await client.query(`CREATE TEMP TABLE bench_practitioner AS
    SELECT row_number() OVER (ORDER BY p.reference) AS position, p.id, p.team_id, t.service_area_id, p.employment
    FROM practitioner p JOIN team t ON t.id = p.team_id`);
  const { rows: counted } = await client.query<{ count: string }>('SELECT count(*) FROM bench_practitioner');
  const practitioners = Number(counted[0]?.count);
  const sections = [
    'case-recording',
    'case-planning',
    'reporting',
    'safeguarding',
    'voice-of-the-child',
    'diversity',
    'management-oversight',
    'supervision',
  ];
  const grade = (salt: number) =>
    `(ARRAY['good','good','met','not-met'])[1 + (hashint4(n * ${salt}) & 2147483647) % 4]`;
  const answers = `jsonb_build_object(
      'sections', jsonb_build_object(${sections
        .map(
          (key, index) =>
            `'${key}', jsonb_build_object('grade', ${grade(31 + index)}, 'evidence', '', 'questions', '{}'::jsonb)`,
        )
        .join(', ')}),
      'strengths', jsonb_build_array(jsonb_build_object('key', 's1', 'themeKey', 'case-planning', 'text', 'Plan started at allocation ' || (n % 7))),
      'learningPoints', '[]'::jsonb,
      'childrenSeen', 'SEEN', 'childrenNotSeenReason', '',
      'qa', jsonb_build_object('collaborative', n % 3 <> 0, 'familyFeedback', n % 2 = 0, 'managementOversight', n % 5 <> 0, 'supervision', n % 4 <> 0),
      'overallGrade', ${grade(7)}, 'overallRationale', '')`;
  const total = auditCount * casesPerAudit;
  // One pass per audit keeps each statement's memory small.
  const { rows: audits } = await client.query<{ id: string; name: string }>(
    `SELECT id, name FROM audit WHERE name LIKE 'Bench Audit %' ORDER BY name`,
  );
  for (const [index, audit] of audits.entries()) {
    const from = index * casesPerAudit + 1;
    const to = from + casesPerAudit - 1;
    await client.query(
      `WITH numbered AS (
         SELECT n, bp.id AS practitioner_id, bp.team_id, bp.service_area_id, bp.employment,
                (ARRAY['PUBLIC_LAW','PRIVATE_LAW_WAFH','PRIVATE_LAW_WTFH'])[1 + n % 3]::law_type AS law_type
         FROM generate_series($2::int, $3::int) n
         JOIN bench_practitioner bp ON bp.position = 1 + n % $4::int
       ), files AS (
         INSERT INTO case_file (id, reference, service_area_id, team_id, practitioner_id, law_type, is_eit, subject_children)
         SELECT gen_random_uuid()::text, 'B' || lpad(n::text, 8, '0'), service_area_id, team_id, practitioner_id, law_type,
                law_type = 'PRIVATE_LAW_WTFH', 1
         FROM numbered
         RETURNING id, reference
       ), sampled AS (
         INSERT INTO sampled_case (id, audit_id, case_file_id, practitioner_id, service_area_id, stratum_key, status)
         SELECT gen_random_uuid()::text, $1, f.id, x.practitioner_id, x.service_area_id, 'bench', 'SELECTED'
         FROM files f JOIN numbered x ON 'B' || lpad(x.n::text, 8, '0') = f.reference
         RETURNING id, case_file_id, practitioner_id, service_area_id
       )
       INSERT INTO case_audit (id, sampled_case_id, audit_id, service_area_id, auditor_id, threshold_version_id, status,
                               answers, overall_grade, children_seen, submitted_at, version, updated_at,
                               practitioner_id, team_id, law_type, is_eit, employment)
       SELECT gen_random_uuid()::text, s.id, $1, s.service_area_id, $5, $6, 'SUBMITTED',
              a.answers, a.answers->>'overallGrade',
              CASE WHEN x.law_type = 'PRIVATE_LAW_WTFH' THEN 'NOT_APPLICABLE' ELSE 'SEEN' END,
              now(), 1, now(), x.practitioner_id, x.team_id, x.law_type, x.law_type = 'PRIVATE_LAW_WTFH', x.employment
       FROM sampled s
       JOIN files f ON f.id = s.case_file_id
       JOIN numbered x ON 'B' || lpad(x.n::text, 8, '0') = f.reference
       CROSS JOIN LATERAL (SELECT ${answers} AS answers) a`,
      [audit.id, from, to, practitioners, users[0]?.id, versionId],
    );
    if ((index + 1) % 10 === 0)
      console.log(`[bench] ${(index + 1) * casesPerAudit} of ${total} graded cases written`);
  }
  await client.query('VACUUM ANALYZE');
  const target = audits.find((audit) => audit.name === benchAuditName(auditCount));
  if (!target) throw new Error(`${benchAuditName(auditCount)} was not created`);
  return target.id;
}
