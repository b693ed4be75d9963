import { describe, expect, it } from 'vitest';
import { createGradedAudit, createServiceArea, createTeam, unique, actingAs } from '../factories';
import { GET as exportDashboard } from '@/app/(app)/dashboard/export/route';
import { transitionAuditAction } from '@/lib/actions/audits';
import { importResultsAction } from '@/lib/actions/reports';
import { db } from '@/lib/db/client';
import { findAuditsUnderWay as auditsUnderWay } from '@/lib/use-cases/dashboards/find-audits-under-way';
import { getLatestStanding as latestStanding } from '@/lib/use-cases/dashboards/get-latest-standing';
import { findPractitionerRows as practitionerRows } from '@/lib/use-cases/dashboards/find-practitioner-rows';
import { getQaTrend as qaTrend } from '@/lib/use-cases/dashboards/get-qa-trend';
import { getSectionHeatMap as sectionHeatMap } from '@/lib/use-cases/dashboards/get-section-heat-map';
import { getTrend as trend } from '@/lib/use-cases/dashboards/get-trend';
import type { DashboardFilters, DashboardScope } from '@/lib/domain/dashboard-views';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';

// Each test gets its own year of Performance Board audits, so other tests' audits never mix in.
let year = 2040;
function isolatedFilters(): DashboardFilters {
  year += 1;
  return { kind: 'PERFORMANCE_BOARD', from: `${year}-01`, to: `${year}-12`, lawType: null };
}

const cases = (serviceAreaId: string, grades: string[], teamId?: string) =>
  grades.map((grade) => ({
    serviceAreaId,
    grade,
    teamId,
    qa: { collaborative: grade === 'good' },
    sectionGrades: { supervision: grade },
  }));

const every = ['latestStanding', 'trend', 'qaTrend', 'sectionHeatMap', 'auditsUnderWay'] as const;
function call(name: (typeof every)[number], actor: Actor, scope: DashboardScope, filters: DashboardFilters) {
  switch (name) {
    case 'latestStanding':
      return latestStanding(actor, scope, filters);
    case 'trend':
      return trend(actor, scope, filters);
    case 'qaTrend':
      return qaTrend(actor, scope, filters);
    case 'sectionHeatMap':
      return sectionHeatMap(actor, scope, filters);
    case 'auditsUnderWay':
      return auditsUnderWay(actor, scope, filters, new Date());
  }
}

describe('dashboards', () => {
  it('puts every area against the latest audit’s targets, with a trend that has gaps', async () => {
    const filters = isolatedFilters();
    const a = await createServiceArea();
    const b = await createServiceArea();
    await createGradedAudit(cases(a.id, ['good', 'good', 'met', 'met', 'not-met', 'not-met']), {
      kind: 'PERFORMANCE_BOARD',
      windowTo: `${year}-03-31`,
    });
    const latest = await createGradedAudit(
      [
        ...cases(a.id, ['good', 'good', 'good', 'good', 'good', 'good', 'met', 'met', 'met', 'not-met']),
        ...cases(b.id, ['good', 'met', 'not-met']),
      ],
      { kind: 'PERFORMANCE_BOARD', windowTo: `${year}-09-30` },
    );
    const director = await actingAs('DIRECTOR');
    const standing = await latestStanding(director.actor, { level: 'national' }, filters);
    expect(standing.audit?.auditId).toBe(latest.audit.id);
    const rowA = standing.rows.find((row) => row.key === a.id)!;
    // 60% Good or above against the 60% target: green; 10% Not Met against 14%: green.
    expect(rowA.good).toMatchObject({ count: 6, total: 10, percent: 60 });
    expect(rowA.goodRag.status).toBe('green');
    expect(rowA.lowestRag.status).toBe('green');
    // Three cases: a count, no percentage, no colour.
    const rowB = standing.rows.find((row) => row.key === b.id)!;
    expect(rowB.good).toMatchObject({ total: 3, percent: null, suppressed: true });
    expect(rowB.goodRag.status).toBe('none');
    expect(standing.overall?.good).toMatchObject({ count: 7, total: 13, percent: 54 });
    expect(standing.overall?.goodRag.status).toBe('red');

    const figures = await trend(director.actor, { level: 'national' }, filters);
    expect(figures.audits.map((audit) => audit.auditId)).toHaveLength(2);
    const seriesB = figures.good.find((series) => series.key === b.id)!;
    expect(seriesB.points[0]).toBeNull(); // absent from the first audit: a gap, not 0%
    const seriesA = figures.good.find((series) => series.key === a.id)!;
    expect(seriesA.points.map((point) => point?.percent)).toEqual([33, 60]);

    const qa = await qaTrend(director.actor, { level: 'national' }, filters);
    const collaborative = qa.indicators.find((indicator) => indicator.key === 'collaborative')!;
    expect(collaborative.points.at(-1)).toMatchObject({ count: 7, total: 13 });
    expect(collaborative.priority).toBe(true); // 54% against 80%

    const heat = await sectionHeatMap(director.actor, { level: 'national' }, filters);
    expect(heat.rows.map((row) => row.key).sort()).toEqual([a.id, b.id].sort());
    const supervision = heat.sections.findIndex((section) => section.key === 'supervision');
    expect(heat.rows.find((row) => row.key === a.id)!.cells[supervision]).toMatchObject({
      count: 6,
      total: 10,
    });
    expect(heat.rows.find((row) => row.key === b.id)!.cells[supervision]).toMatchObject({ suppressed: true });
  });

  it('forgets a published audit’s summary when results are added to it', async () => {
    const filters = isolatedFilters();
    const area = await createServiceArea();
    const { audit } = await createGradedAudit(cases(area.id, ['good', 'good', 'good', 'good', 'good']), {
      kind: 'PERFORMANCE_BOARD',
      windowTo: `${year}-06-30`,
    });
    const nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    const before = await latestStanding(nsd.actor, { level: 'area', serviceAreaId: area.id }, filters);
    expect(before.overall?.good).toMatchObject({ count: 5, total: 5 });
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const csv = `case_ref,service_area,practitioner_ref,employment,law_type,overall_grade,children_seen\n${unique('R')},${area.code},${unique('P')},Employed,Public Law,Not Met,Seen\n`;
    const imported = await lead.act(() =>
      importResultsAction({
        auditName: audit.name,
        fileName: 'more.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
        commit: true,
        createPractitioners: true,
      }),
    );
    expect(imported).toMatchObject({ ok: true, data: { status: 'imported', cases: 1 } });
    const after = await latestStanding(nsd.actor, { level: 'area', serviceAreaId: area.id }, filters);
    expect(after.overall?.good).toMatchObject({ count: 5, total: 6 });
    expect(after.overall?.lowest).toMatchObject({ count: 1, total: 6 });
  });

  it('summarises an audit when it is published, so the first dashboard view does not wait', async () => {
    const area = await createServiceArea();
    const { audit } = await createGradedAudit(cases(area.id, ['good', 'met']), {
      kind: 'PERFORMANCE_BOARD',
      status: 'REVIEW',
    });
    expect(await db().auditSummaryState.count({ where: { auditId: audit.id } })).toBe(0);
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    expect(
      await lead.act(() => transitionAuditAction({ auditId: audit.id, version: 1, to: 'PUBLISHED' })),
    ).toEqual({
      ok: true,
      data: null,
    });
    expect(await db().auditSummaryState.count({ where: { auditId: audit.id } })).toBe(1);
    const rows = await db().auditSummary.findMany({ where: { auditId: audit.id }, select: { cases: true } });
    expect(rows.reduce((sum, row) => sum + row.cases, 0)).toBe(2);
  });

  it('refuses a Head of Service another area’s dashboard and its practitioners', async () => {
    const filters = isolatedFilters();
    const own = await createServiceArea();
    const other = await createServiceArea();
    const team = await createTeam(own.id);
    await createGradedAudit([...cases(own.id, ['good', 'met'], team.id), ...cases(other.id, ['good'])], {
      kind: 'PERFORMANCE_BOARD',
      windowTo: `${year}-06-30`,
    });
    const hos = await actingAs('HEAD_OF_SERVICE', own.id);
    for (const name of every) {
      await expect(
        call(name, hos.actor, { level: 'area', serviceAreaId: own.id }, filters),
      ).resolves.toBeDefined();
      await expect(
        call(name, hos.actor, { level: 'area', serviceAreaId: other.id }, filters),
      ).rejects.toBeInstanceOf(NotFoundOrForbiddenError);
      await expect(call(name, hos.actor, { level: 'national' }, filters)).rejects.toBeInstanceOf(
        NotFoundOrForbiddenError,
      );
    }
    const rows = await practitionerRows(hos.actor, { level: 'area', serviceAreaId: own.id }, filters);
    expect(rows).toHaveLength(2);
    await expect(
      practitionerRows(hos.actor, { level: 'area', serviceAreaId: other.id }, filters),
    ).rejects.toBeInstanceOf(NotFoundOrForbiddenError);
    // Over HTTP with a real session, the same refusal reads as "not found".
    const refused = await hos.act(() =>
      exportDashboard(
        new Request(
          `http://localhost/dashboard/export?table=practitioners&area=${other.id}&kind=PERFORMANCE_BOARD`,
        ),
      ),
    );
    expect(refused.status).toBe(404);
    const allowed = await hos.act(() =>
      exportDashboard(
        new Request(
          `http://localhost/dashboard/export?table=practitioners&area=${own.id}&kind=PERFORMANCE_BOARD&from=${filters.from}&to=${filters.to}`,
        ),
      ),
    );
    expect(allowed.status).toBe(200);
    expect((await allowed.text()).split(/\r?\n/)[0]).toBe(
      'Practitioner,Team,Graded cases,% Good or above,Latest grade,Latest audit',
    );
  });

  it('never gives a Director practitioner-level rows from any dashboard function', async () => {
    const filters = isolatedFilters();
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    await createGradedAudit(cases(area.id, ['good', 'met', 'not-met', 'good', 'good', 'met'], team.id), {
      kind: 'PERFORMANCE_BOARD',
      windowTo: `${year}-06-30`,
    });
    const practitioners = await db().caseAudit.findMany({
      where: { serviceAreaId: area.id },
      select: {
        practitionerId: true,
        sampledCase: {
          select: { caseFile: { select: { practitioner: { select: { reference: true, name: true } } } } },
        },
      },
    });
    const director = await actingAs('DIRECTOR');
    const scopes: DashboardScope[] = [
      { level: 'national' },
      { level: 'area', serviceAreaId: area.id },
      { level: 'team', serviceAreaId: area.id, teamId: team.id },
    ];
    for (const scope of scopes)
      for (const name of every) {
        const text = JSON.stringify(await call(name, director.actor, scope, filters));
        for (const practitioner of practitioners) {
          expect(text).not.toContain(practitioner.practitionerId);
          expect(text).not.toContain(practitioner.sampledCase.caseFile.practitioner.reference);
        }
      }
    // The team's own figures are there…
    const teamStanding = await latestStanding(director.actor, scopes[2]!, filters);
    expect(teamStanding.overall?.good).toMatchObject({ count: 3, total: 6 });
    // …but the practitioner drill-down is refused, for the area and the team alike.
    for (const scope of scopes.slice(1) as Extract<DashboardScope, { level: 'area' | 'team' }>[])
      await expect(practitionerRows(director.actor, scope, filters)).rejects.toBeInstanceOf(
        NotFoundOrForbiddenError,
      );
    const download = await director.act(() =>
      exportDashboard(
        new Request(`http://localhost/dashboard/export?table=practitioners&area=${area.id}&team=${team.id}`),
      ),
    );
    expect(download.status).toBe(404);
  });
});
