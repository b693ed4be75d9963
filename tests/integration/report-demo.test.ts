import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGradedAudit, createServiceArea, createTeam, type GradedCaseSpec } from '../factories';
import { NOVEMBER_2014_COUNTS } from '../fixtures/november-2014-counts';
import { applyMigrations } from '../../scripts/lib/migrate.ts';
import { freshDatabase } from '../../scripts/lib/fresh-database.ts';
import { seedDemoDatabase } from '../../scripts/lib/seed.ts';
import { ensureSummaries } from '@/lib/db/audit-summaries';
import { db } from '@/lib/db/client';
import { countGrades, countQa, countSections } from '@/lib/db/report-counts';
import { loadReportAudit } from '@/lib/db/reports';
import {
  countTrend,
  findTrendAudits,
  summarisedGrades,
  summarisedQa,
  summarisedSections,
} from '@/lib/db/report-summary-counts';
import { buildAuditReport } from '@/lib/domain/report-assembly';
import type { GradeCounts, SectionCount } from '@/lib/domain/report-counts';
import type { ReportScope } from '@/lib/domain/report-view';

describe('the November 2014 demo report from the seeded demo database', () => {
  // The demo gets a database of its own: its users and audits must not meet the other tests'.
  let demoUrl = '';
  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL ?? '');
    const name = `${url.pathname.slice(1)}_demo`;
    url.pathname = '/postgres';
    demoUrl = await freshDatabase(url.toString(), name);
    await applyMigrations(demoUrl);
    await seedDemoDatabase(demoUrl);
  }, 180_000);

  it('equals the report built from the hand-written counts (tests/fixtures/november-2014-counts.ts)', () => {
    // Its own process: the app's database client follows DATABASE_URL.
    const printed = spawnSync(
      path.resolve('node_modules/.bin/tsx'),
      ['--conditions=react-server', 'tests/support/demo-report.ts', 'report'],
      { env: { ...process.env, DATABASE_URL: demoUrl }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(printed.status, printed.stderr).toBe(0);
    const fromDatabase = JSON.parse(printed.stdout) as Record<string, unknown>;
    const fromCounts = JSON.parse(JSON.stringify(buildAuditReport(NOVEMBER_2014_COUNTS))) as {
      narrative: Record<string, unknown>;
    };
    // The narrative was saved when the demo was seeded: the one value not written down.
    fromCounts.narrative.updatedAt = expect.any(String);
    expect(fromDatabase).toEqual(fromCounts);
    expect(fromDatabase).toMatchObject({
      total: 577,
      overall: { counts: { good: 377, met: 148, 'not-met': 52 } },
    });
  }, 90_000);

  it('reads Rec 13 of the Ofsted action plan as seed 000 §2c does: A5 WAFH 27% → 67% Good', () => {
    const printed = spawnSync(
      path.resolve('node_modules/.bin/tsx'),
      ['--conditions=react-server', 'scripts/recommendations.ts', '--format', 'json'],
      { env: { ...process.env, DATABASE_URL: demoUrl }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(printed.status, printed.stderr).toBe(0);
    const { recommendations } = JSON.parse(printed.stdout) as {
      recommendations: { source: string; number: string; measures: { label: string; sentence: string }[] }[];
    };
    const rec13 = recommendations.find(
      (item) => item.source === 'Ofsted inspection, March 2014: action plan' && item.number === '13',
    );
    expect(rec13?.measures.map((measure) => measure.sentence)).toEqual([
      'A5 Private Law WAFH: 27% Good (n = 11) in September 2013 → 67% (n = 12) in November 2014, up 40 points (95% interval −1 to 66 points); target (≥ 60%) met; could be chance variation',
    ]);
  }, 90_000);
});

/** A deterministic spread over two areas and three teams, sections and QA varied. */
function spreadCases(areaIds: string[], teamIds: string[], count: number, seed: number): GradedCaseSpec[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const grades = ['good', 'met', 'not-met'];
  return Array.from({ length: count }, (_, index) => ({
    serviceAreaId: areaIds[index % areaIds.length]!,
    teamId: index % areaIds.length === 0 ? teamIds[next(teamIds.length)] : undefined,
    grade: grades[next(3)]!,
    lawType: (['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'] as const)[next(3)],
    sectionGrades: { supervision: grades[next(3)]!, 'case-recording': grades[next(3)]! },
    qa: { collaborative: next(2) === 0, supervision: next(3) !== 0 },
  }));
}

/** The trend counted straight from case_audit, as the report counted it before summaries. */
async function trendFromCaseAudit(auditIds: string[], scope: ReportScope) {
  const rows = await db().$queryRawUnsafe<{ audit_id: string; overall_grade: string; count: bigint }[]>(
    `SELECT ca.audit_id, ca.overall_grade, count(*) AS count FROM case_audit ca
     WHERE ca.audit_id = ANY($1) AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
       ${scope.serviceAreaId ? 'AND ca.service_area_id = $2' : ''}
     GROUP BY 1, 2`,
    auditIds,
    ...(scope.serviceAreaId ? [scope.serviceAreaId] : []),
  );
  const byAudit: Record<string, GradeCounts> = {};
  for (const row of rows) (byAudit[row.audit_id] ??= {})[row.overall_grade] = Number(row.count);
  return byAudit;
}

const sorted = (rows: SectionCount[]) =>
  [...rows].sort((a, b) =>
    `${a.sectionKey}|${a.by}|${a.groupId}`.localeCompare(`${b.sectionKey}|${b.by}|${b.groupId}`),
  );

describe('published audits read from their summaries', () => {
  it('give the same trend as counting case_audit, nationally and for one area', async () => {
    const areas = [await createServiceArea(), await createServiceArea()];
    const teams = [await createTeam(areas[0]!.id), await createTeam(areas[0]!.id)];
    const areaIds = areas.map((area) => area.id);
    const teamIds = teams.map((team) => team.id);
    await createGradedAudit(spreadCases(areaIds, teamIds, 30, 3), { windowTo: '2031-01-31' });
    await createGradedAudit(spreadCases(areaIds, teamIds, 25, 5), { windowTo: '2031-04-30' });
    const { audit } = await createGradedAudit(spreadCases(areaIds, teamIds, 20, 11), {
      windowTo: '2031-07-31',
      status: 'REVIEW',
    });
    const current = (await loadReportAudit(audit.id))!;
    const trendAudits = await findTrendAudits(current);
    const published = trendAudits.filter((candidate) => candidate.status === 'PUBLISHED');
    expect(published.length).toBeGreaterThanOrEqual(2);
    await ensureSummaries(published);

    for (const scope of [{ serviceAreaId: null }, { serviceAreaId: areas[0]!.id }]) {
      const live = await countGrades(audit.id, scope);
      const trend = await countTrend(trendAudits, scope, { id: audit.id, counts: live.overall });
      const expected = await trendFromCaseAudit(
        trendAudits.map((candidate) => candidate.id),
        scope,
      );
      expect(Object.fromEntries(trend.map((point) => [point.auditId, point.counts]))).toEqual(expected);
      // Oldest first, ending with the audit under report (not published: counted live).
      expect(trend.at(-1)?.auditId).toBe(audit.id);
    }
  });

  it('give the same grades, sections and QA figures as counting case_audit', async () => {
    const areas = [await createServiceArea(), await createServiceArea()];
    const teams = [await createTeam(areas[0]!.id), await createTeam(areas[0]!.id)];
    const { audit } = await createGradedAudit(
      spreadCases(
        areas.map((area) => area.id),
        teams.map((team) => team.id),
        40,
        17,
      ),
    );
    const published = (await loadReportAudit(audit.id))!;
    const goodKeys = ['good'];
    await ensureSummaries([published]);
    for (const scope of [{ serviceAreaId: null }, { serviceAreaId: areas[0]!.id }]) {
      expect(await summarisedGrades(audit.id, scope)).toEqual(await countGrades(audit.id, scope));
      expect(sorted(await summarisedSections(audit.id, scope))).toEqual(
        sorted(await countSections(audit.id, scope, goodKeys)),
      );
      expect(await summarisedQa(audit.id, scope)).toEqual(await countQa(audit.id, scope));
    }
  });
});
