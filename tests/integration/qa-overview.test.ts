import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, createGradedAudit, createServiceArea } from '../factories';
import { applyMigrations } from '../../scripts/lib/migrate.ts';
import { freshDatabase } from '../../scripts/lib/fresh-database.ts';
import { seedDemoDatabase } from '../../scripts/lib/seed.ts';
import { SEED_003 } from '../../prisma/seed/local-history.ts';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import type { qaOverviewJson } from '@/lib/domain/qa-overview';
import { getQaOverview } from '@/lib/use-cases/qa-overview/get-qa-overview';

type Printed = ReturnType<typeof qaOverviewJson>;

describe('the demo’s QA overview for April–November 2023 (seed 003)', () => {
  // The demo gets a database of its own: its users and audits must not meet the other tests'.
  let demo: pg.Client;
  let printed: Printed;
  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL ?? '');
    const name = `${url.pathname.slice(1)}_qa_demo`;
    url.pathname = '/postgres';
    const demoUrl = await freshDatabase(url.toString(), name);
    await applyMigrations(demoUrl);
    await seedDemoDatabase(demoUrl);
    // The command, in its own process: the app's database client follows DATABASE_URL.
    const run = spawnSync(
      path.resolve('node_modules/.bin/tsx'),
      ['--conditions=react-server', 'scripts/qa-overview.ts', '--from', '2023-04-01', '--to', '2023-11-30'],
      { env: { ...process.env, DATABASE_URL: demoUrl }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    printed = JSON.parse(run.stdout) as Printed;
    demo = new pg.Client({ connectionString: demoUrl });
    await demo.connect();
  }, 180_000);
  afterAll(async () => {
    await demo?.end();
  });

  it('prints seed 003’s figures, counts and percentages', () => {
    expect(printed.period).toEqual({ from: SEED_003.from, to: SEED_003.to });
    expect(printed.audits).toEqual({
      total: 4019,
      LOCAL_QUALITY_IMPACT: 3372,
      NATIONAL_PRACTICE_QUALITY: 400,
      PERFORMANCE_BOARD: 247,
    });
    expect(printed.indicators).toMatchObject({
      collaborative: { count: 1802, of: 3372, percent: 53.4 },
      familyFeedback: { count: 1780, of: 4019, percent: 44.3 },
      managementOversight: { count: 2470, of: 3012, percent: 82 },
      supervision: { count: 2031, of: 2604, percent: 78 },
      supervisionImpact: { count: 1007, of: 2031, percent: 49.6 },
      localAuditsOnTarget: { percent: 90.5 },
    });
    expect(printed.observations).toBe(1364);
    expect(printed.moderations).toBe(379);
  });

  it('equals the counts taken straight from the tables', async () => {
    const one = async (sql: string) => Number((await demo.query<{ n: string }>(sql)).rows[0]?.n);
    const inPeriod = `ca.status = 'SUBMITTED' AND ca.submitted_at >= '2023-04-01T00:00:00Z'
      AND ca.submitted_at < '2023-12-01T00:00:00Z'`;
    const audits = (filter: string) =>
      one(`SELECT count(*) AS n FROM case_audit ca JOIN audit a ON a.id = ca.audit_id
           WHERE ${inPeriod} AND a.kind IN ('LOCAL_QUALITY_IMPACT', 'NATIONAL_PRACTICE_QUALITY', 'PERFORMANCE_BOARD')
             AND ${filter}`);
    expect(printed.audits.total).toBe(await audits('true'));
    expect(printed.audits.LOCAL_QUALITY_IMPACT).toBe(await audits(`a.kind = 'LOCAL_QUALITY_IMPACT'`));
    expect(printed.indicators.collaborative).toMatchObject({
      count: await audits(`a.kind = 'LOCAL_QUALITY_IMPACT' AND ca.qa_collaborative`),
    });
    expect(printed.indicators.familyFeedback.count).toBe(await audits('ca.qa_family_feedback'));
    expect(printed.indicators.managementOversight).toMatchObject({
      count: await audits('ca.qa_management_oversight_expected AND ca.qa_management_oversight'),
      of: await audits('ca.qa_management_oversight_expected'),
    });
    expect(printed.indicators.supervision).toMatchObject({
      count: await audits('ca.qa_supervision'),
      of: await audits('ca.qa_supervision IS NOT NULL'),
    });
    expect(printed.indicators.supervisionImpact.count).toBe(
      await audits('ca.qa_supervision AND ca.qa_supervision_impact'),
    );
    expect(printed.observations).toBe(
      await one(`SELECT count(*) AS n FROM practice_observation
                 WHERE observed_on BETWEEN '2023-04-01' AND '2023-11-30'`),
    );
    expect(printed.moderations).toBe(
      await one(`SELECT count(*) AS n FROM local_moderation
                 WHERE submitted_at >= '2023-04-01T00:00:00Z' AND submitted_at < '2023-12-01T00:00:00Z'`),
    );
    // On target: each Service Manager's month, its audits submitted against the programme's quota.
    const months = await demo.query<{ done: string; quota: number }>(`
      SELECT count(ca.id) AS done, min(p.quota_per_manager_per_month) AS quota
      FROM sampled_case sc JOIN audit a ON a.id = sc.audit_id AND a.kind = 'LOCAL_QUALITY_IMPACT'
      JOIN local_audit_programme p ON p.audit_id = a.id
      LEFT JOIN case_audit ca ON ca.sampled_case_id = sc.id AND ca.status = 'SUBMITTED'
      WHERE sc.month BETWEEN '2023-04-01' AND '2023-11-01'
      GROUP BY sc.assigned_to_id, sc.month`);
    expect(printed.indicators.localAuditsOnTarget).toMatchObject({
      of: months.rows.length,
      count: months.rows.filter((row) => Number(row.done) >= row.quota).length,
    });
    // Quarters and areas add up to the whole period.
    const sum = (rows: { audits: { total: number }; observations: number; moderations: number }[]) => [
      rows.reduce((total, row) => total + row.audits.total, 0),
      rows.reduce((total, row) => total + row.observations, 0),
      rows.reduce((total, row) => total + row.moderations, 0),
    ];
    const whole = [printed.audits.total, printed.observations, printed.moderations];
    expect(sum(printed.quarters)).toEqual(whole);
    expect(sum(printed.areas)).toEqual(whole);
    expect(printed.quarters.map((quarter) => quarter.label)).toEqual([
      'Apr–Jun 2023',
      'Jul–Sep 2023',
      'Oct–Nov 2023',
    ]);
  });

  it('shows A3’s managers grading more generously than its Head of Practice, and close agreement elsewhere', async () => {
    const { rows } = await demo.query<{ generous: boolean; moderated: string; lower: string }>(`
      SELECT sa.code = 'A3' AS generous, count(*) AS moderated,
             count(*) FILTER (WHERE (m.first_overall_grade = 'good' AND m.overall_grade <> 'good')
                                 OR (m.first_overall_grade = 'met' AND m.overall_grade = 'not-met')) AS lower
      FROM local_moderation m JOIN service_area sa ON sa.id = m.service_area_id
      GROUP BY 1`);
    const share = (generous: boolean) => {
      const row = rows.find((candidate) => candidate.generous === generous)!;
      return Number(row.lower) / Number(row.moderated);
    };
    expect(share(true)).toBeGreaterThan(0.3);
    expect(share(false)).toBeLessThan(0.1);
  });
});

describe('who reads which QA overview', () => {
  it('gives a Head of Practice their own area only, and refuses another area like a missing one', async () => {
    const [own, other] = [await createServiceArea(), await createServiceArea()];
    await createGradedAudit(
      [
        { serviceAreaId: own.id, grade: 'good', qa: { collaborative: true, familyFeedback: true } },
        { serviceAreaId: own.id, grade: 'met', qa: { collaborative: false, familyFeedback: false } },
        { serviceAreaId: other.id, grade: 'good', qa: { collaborative: true, familyFeedback: true } },
      ],
      { kind: 'LOCAL_QUALITY_IMPACT', status: 'GRADING' },
    );
    const today = new Date().toISOString().slice(0, 10);
    const period = { from: today, to: today };
    const { actor: head } = await actingAs('HEAD_OF_PRACTICE', own.id);

    const mine = await getQaOverview(head, { ...period, areaId: null }, today);
    expect(mine.scope).toEqual({ serviceAreaId: own.id, label: own.code });
    expect(mine.total.audits.LOCAL_QUALITY_IMPACT).toBe(2);
    expect(mine.total.indicators.collaborative).toMatchObject({ count: 1, of: 2, percent: 50 });
    expect(mine.areas.map((area) => area.key)).toEqual([own.id]);
    expect((await getQaOverview(head, { ...period, areaId: own.id }, today)).total.totalAudits).toBe(2);
    await expect(getQaOverview(head, { ...period, areaId: other.id }, today)).rejects.toBeInstanceOf(
      NotFoundOrForbiddenError,
    );

    const { actor: director } = await actingAs('DIRECTOR');
    const national = await getQaOverview(director, { ...period, areaId: null }, today);
    expect(national.scope.serviceAreaId).toBeNull();
    expect(national.areas.find((area) => area.key === other.id)?.figures.totalAudits).toBe(1);
    const { actor: manager } = await actingAs('SERVICE_MANAGER', own.id);
    await expect(getQaOverview(manager, { ...period, areaId: null }, today)).rejects.toBeInstanceOf(
      NotFoundOrForbiddenError,
    );
  });
});
