import { describe, expect, it } from 'vitest';
import {
  createGradedAudit,
  createSamplingAudit,
  createServiceArea,
  createTeam,
  unique,
  type GradedCaseSpec,
  actingAs,
} from '../factories';
import { databaseFingerprint } from '../support/fingerprint';
import { GET as exportReport } from '@/app/(app)/reports/[auditId]/export/route';
import { importResultsAction, saveReportNarrativeAction } from '@/lib/actions/reports';
import { MESSAGES } from '@/lib/actions/run';
import { db } from '@/lib/db/client';
import { getAuditReport } from '@/lib/use-cases/reports/get-audit-report';
import { getNationalReportByName } from '@/lib/use-cases/reports/get-national-report-by-name';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { reportJson } from '@/lib/report/json';
import { reportTables } from '@/lib/report/tables';

const GRADES = ['good', 'met', 'not-met'] as const;
const LAW_TYPES = ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'] as const;
const SEEN = ['SEEN', 'NOT_SEEN_REASON_RECORDED', 'NOT_SEEN_NO_REASON', 'UNCLEAR'] as const;

/** A deterministic spread of cases over three areas, every dimension varied. */
function generatedCases(areaIds: string[], count: number): GradedCaseSpec[] {
  let state = 7;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  return Array.from({ length: count }, () => {
    const lawType = LAW_TYPES[next(3)]!;
    return {
      serviceAreaId: areaIds[next(areaIds.length)]!,
      grade: GRADES[next(3)]!,
      lawType,
      employment: next(10) === 0 ? ('AGENCY' as const) : ('EMPLOYED' as const),
      childrenSeen: lawType === 'PRIVATE_LAW_WTFH' ? 'NOT_APPLICABLE' : SEEN[next(4)]!,
      sectionGrades: { supervision: GRADES[next(3)]!, 'case-planning': GRADES[next(3)]! },
      qa: { collaborative: next(2) === 0, supervision: next(3) !== 0 },
    };
  });
}

const count = <T>(items: T[], predicate: (item: T) => boolean) => items.filter(predicate).length;

describe('audit report', () => {
  it('equals figures counted independently from the generated cases', async () => {
    const areas = [await createServiceArea(), await createServiceArea(), await createServiceArea()];
    const cases = generatedCases(
      areas.map((area) => area.id),
      90,
    );
    const { audit } = await createGradedAudit(cases);
    const nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    const report = await getAuditReport(nsd.actor, audit.id, null);

    expect(report.total).toBe(90);
    for (const grade of GRADES)
      expect(report.overall.counts[grade]).toBe(count(cases, (c) => c.grade === grade));
    for (const row of report.byLawType)
      for (const grade of GRADES)
        expect(row.counts[grade]).toBe(count(cases, (c) => c.lawType === row.key && c.grade === grade));
    expect(report.byServiceArea.map((row) => row.serviceAreaId).sort()).toEqual(
      areas.map((a) => a.id).sort(),
    );
    for (const row of report.byServiceArea) {
      for (const grade of GRADES)
        expect(row.counts[grade]).toBe(
          count(cases, (c) => c.serviceAreaId === row.serviceAreaId && c.grade === grade),
        );
      expect(row.goodInterval!.low).toBeLessThanOrEqual(row.goodOrAbove / row.total);
      expect(row.goodInterval!.high).toBeGreaterThanOrEqual(row.goodOrAbove / row.total);
    }
    for (const row of report.byEmployment)
      expect(row.total).toBe(count(cases, (c) => c.employment === row.key));
    // Fig. 4 leaves EIT work out of the percentages but counts it in the cases column.
    for (const row of report.childrenSeen.rows) {
      const inArea = cases.filter((c) => c.serviceAreaId === row.key);
      expect(row.cases).toBe(inArea.length);
      expect(row.eit).toBe(count(inArea, (c) => c.lawType === 'PRIVATE_LAW_WTFH'));
      expect(row.seen).toBe(count(inArea, (c) => c.childrenSeen === 'SEEN'));
      expect(row.notSeenNoReason).toBe(count(inArea, (c) => c.childrenSeen === 'NOT_SEEN_NO_REASON'));
      expect(row.unclear).toBe(count(inArea, (c) => c.childrenSeen === 'UNCLEAR'));
    }
    const supervision = report.sections.find((section) => section.key === 'supervision')!;
    expect(supervision.overall).toMatchObject({
      graded: 90,
      goodOrAbove: count(cases, (c) => c.sectionGrades?.supervision === 'good'),
    });
    // The default cross-tabulation is supervision against the next section (seed 002).
    expect(report.crossTab?.rowSection.key).toBe('supervision');
    const crossTab = await getAuditReport(nsd.actor, audit.id, null, {
      crossTab: { rowSection: 'supervision', columnSection: 'case-planning' },
    });
    expect(crossTab.crossTab!.counts[0]![2]).toBe(
      count(
        cases,
        (c) => c.sectionGrades?.supervision === 'good' && c.sectionGrades['case-planning'] === 'not-met',
      ),
    );
    expect(crossTab.crossTab!.total).toBe(90);
    const collaborative = report.qa.find((figure) => figure.key === 'collaborative')!;
    expect(collaborative).toMatchObject({
      yes: count(cases, (c) => c.qa?.collaborative === true),
      answered: 90,
    });
    expect(report.reconciliation).toEqual({ gradedCases: 90, agrees: true, mismatches: [] });

    // The JSON the CLI prints uses the data's own labels.
    const json = reportJson(report);
    expect(json.total).toBe(90);
    expect(json.overall).toEqual({
      Good: count(cases, (c) => c.grade === 'good'),
      Met: count(cases, (c) => c.grade === 'met'),
      'Not Met': count(cases, (c) => c.grade === 'not-met'),
    });
    expect(Object.keys(json.byLawType).sort()).toEqual([
      'Private Law WAFH',
      'Private Law WTFH',
      'Public Law',
    ]);
    expect(Object.keys(json.childrenSeen[report.byServiceArea[0]!.label]!)).toEqual([
      'Seen',
      'Not seen - reason recorded',
      'Not seen - no reason recorded',
      'Unclear',
    ]);
    // Every table printed for export counts the same cases.
    const fig3 = reportTables(report).find((table) => table.id === 'fig-3-service-area')!;
    expect(fig3.totals[0]![1]).toBe(90);
  });

  it('counts the final grade, compares with the earlier audit and follows the trend', async () => {
    const area = await createServiceArea();
    const earlier = await createGradedAudit(
      [
        { serviceAreaId: area.id, grade: 'good' },
        { serviceAreaId: area.id, grade: 'met' },
      ],
      { windowTo: '2013-08-31' },
    );
    const { audit } = await createGradedAudit(
      [
        { serviceAreaId: area.id, grade: 'good' },
        { serviceAreaId: area.id, grade: 'good' },
        { serviceAreaId: area.id, grade: 'good' },
        { serviceAreaId: area.id, grade: 'not-met' },
      ],
      { comparedWithId: earlier.audit.id },
    );
    const ssm = await actingAs('SENIOR_SERVICE_MANAGER');
    const report = await getAuditReport(ssm.actor, audit.id, null);
    expect(report.earlier?.name).toBe(earlier.audit.name);
    expect(report.changeInGood).toBe(75 - 50);
    expect(report.byServiceArea[0]!.changeInGood).toBe(25);
    expect(report.byServiceArea[0]!.tooFewToCompare).toBe(true);
    const points = report.trend.filter((point) => [earlier.audit.id, audit.id].includes(point.auditId));
    expect(points.map((point) => point.goodPercent)).toEqual([50, 75]);
  });

  it('gives a Head of Service their own area’s figures only; national roles get the nation', async () => {
    const own = await createServiceArea();
    const other = await createServiceArea();
    const { audit } = await createGradedAudit([
      { serviceAreaId: own.id, grade: 'good' },
      { serviceAreaId: own.id, grade: 'not-met' },
      { serviceAreaId: other.id, grade: 'met' },
    ]);
    const hos = await actingAs('HEAD_OF_SERVICE', own.id);
    const ownReport = await getAuditReport(hos.actor, audit.id, null);
    expect(ownReport.scope).toEqual({ serviceAreaId: own.id, label: own.code });
    expect(ownReport.total).toBe(2);
    expect(ownReport.byServiceArea.map((row) => row.serviceAreaId)).toEqual([own.id]);
    expect(ownReport.trend.find((point) => point.auditId === audit.id)?.total).toBe(2);
    await expect(getAuditReport(hos.actor, audit.id, other.id)).rejects.toBeInstanceOf(
      NotFoundOrForbiddenError,
    );

    for (const role of ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER', 'DIRECTOR'] as const) {
      const national = await actingAs(role);
      expect((await getAuditReport(national.actor, audit.id, null)).total).toBe(3);
      expect((await getAuditReport(national.actor, audit.id, other.id)).total).toBe(1);
    }
    const auditor = await actingAs('IMPROVEMENT_MANAGER');
    await expect(getAuditReport(auditor.actor, audit.id, null)).rejects.toBeInstanceOf(
      NotFoundOrForbiddenError,
    );

    // Over HTTP with a real session: the Head of Service's download holds only their area.
    const response = await hos.act(() =>
      exportReport(
        new Request(`http://localhost/reports/${audit.id}/export?format=csv&table=fig-3-service-area`),
        {
          params: Promise.resolve({ auditId: audit.id }),
        },
      ),
    );
    const csv = await response.text();
    expect(csv).toContain(`${own.code},2,`);
    expect(csv).not.toContain(other.code);
    const refused = await hos.act(() =>
      exportReport(
        new Request(
          `http://localhost/reports/${audit.id}/export?format=csv&table=fig-3-service-area&area=${other.id}`,
        ),
        { params: Promise.resolve({ auditId: audit.id }) },
      ),
    );
    expect(refused.status).toBe(404);
  });

  it('serves the XLSX workbook and the PDF', async () => {
    const area = await createServiceArea();
    const { audit } = await createGradedAudit([{ serviceAreaId: area.id, grade: 'good' }]);
    const director = await actingAs('DIRECTOR');
    for (const [format, type, magic] of [
      ['xlsx', 'spreadsheetml', 'PK'],
      ['pdf', 'application/pdf', '%PDF'],
    ] as const) {
      const response = await director.act(() =>
        exportReport(new Request(`http://localhost/reports/${audit.id}/export?format=${format}`), {
          params: Promise.resolve({ auditId: audit.id }),
        }),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
  });

  it('saves the narrative with a version, and never overwrites a newer save', async () => {
    const { audit } = await createGradedAudit([]);
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const save = (baseVersion: number, conclusion: string) =>
      lead.act(() =>
        saveReportNarrativeAction({
          auditId: audit.id,
          baseVersion,
          strengths: 'Plans on time.',
          learning: '',
          conclusion,
          nextSteps: '',
        }),
      );
    expect(await save(0, 'First.')).toEqual({ ok: true, data: { version: 1 } });
    expect(await save(1, 'Second.')).toEqual({ ok: true, data: { version: 2 } });
    expect(await save(1, 'Stale.')).toEqual({ ok: false, error: MESSAGES.stale });
    expect(await save(0, 'Also stale.')).toEqual({ ok: false, error: MESSAGES.stale });
    const saved = await db().auditReport.findUniqueOrThrow({ where: { auditId: audit.id } });
    expect(saved).toMatchObject({ conclusion: 'Second.', version: 2, updatedById: lead.actor.userId });
    const events = await db().auditEvent.count({
      where: { entityId: audit.id, action: 'report.narrative.saved' },
    });
    expect(events).toBe(2);
  });
});

describe('results import', () => {
  async function csvFor(areaCode: string, teamName: string, rows: string[]) {
    return Buffer.from(
      [
        'case_ref,service_area,practitioner_ref,employment,law_type,overall_grade,children_seen,team,supervision,notes',
        ...rows.map((row) => row.replaceAll('AREA', areaCode).replaceAll('TEAM', teamName)),
      ].join('\n'),
    ).toString('base64');
  }

  it('asks before creating practitioners, then creates a published audit with every case', async () => {
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const name = unique('National Audit March 2012');
    const p1 = unique('NEWP');
    const contentBase64 = await csvFor(area.code, team.name, [
      `${unique('R')},AREA,${p1},Agency,Public Law,Good,Seen,TEAM,Met,ignored`,
      `${unique('R')},AREA,${p1},Agency,Private Law WTFH,Not Met,Not applicable,TEAM,,`,
      `${unique('R')},AREA,${unique('NEWP')},Employed,Private Law WAFH,Met,Not seen – no reason recorded,,Good,`,
    ]);
    const input = {
      auditName: name,
      fileName: 'results.csv',
      contentBase64,
      commit: true,
      createPractitioners: false,
    };
    const before = await databaseFingerprint();
    const asked = await lead.act(() => importResultsAction(input));
    expect(asked).toMatchObject({ ok: true, data: { status: 'checked', rowCount: 3, auditExists: false } });
    expect(asked.ok && asked.data.status === 'checked' && asked.data.unknownPractitioners).toHaveLength(2);
    expect(await databaseFingerprint()).toEqual(before);

    const imported = await lead.act(() => importResultsAction({ ...input, createPractitioners: true }));
    expect(imported).toMatchObject({
      ok: true,
      data: { status: 'imported', cases: 3, auditCreated: true, practitionersCreated: 2 },
    });
    const audit = await db().audit.findUniqueOrThrow({
      where: { name },
      select: { id: true, status: true, windowTo: true },
    });
    expect(audit.status).toBe('PUBLISHED');
    expect(audit.windowTo.toISOString().slice(0, 10)).toBe('2012-03-31');
    const report = await getNationalReportByName(name);
    expect(report?.total).toBe(3);
    expect(report?.byEmployment.find((row) => row.key === 'AGENCY')?.total).toBe(2);
    expect(report?.childrenSeen.total).toMatchObject({ cases: 3, eit: 1, seen: 1, notSeenNoReason: 1 });
    expect(report?.sections.find((s) => s.key === 'supervision')?.overall).toMatchObject({
      graded: 2,
      goodOrAbove: 1,
    });
    // Every imported grade has its history entry.
    expect(
      await db().caseAuditHistory.count({ where: { caseAudit: { auditId: audit.id }, event: 'IMPORTED' } }),
    ).toBe(3);

    // The same file again: every row is already there, and nothing is written.
    const again = await lead.act(() => importResultsAction({ ...input, createPractitioners: true }));
    expect(again).toMatchObject({ ok: true, data: { status: 'problems', problemCount: 3 } });
  });

  it('reports every bad row and writes nothing', async () => {
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const contentBase64 = await csvFor(area.code, team.name, [
      `${unique('R')},AREA,${unique('P')},Employed,Public Law,Good,Seen,TEAM,,`,
      `${unique('R')},NOWHERE,${unique('P')},Employed,Public Law,Good,Seen,,,`,
      `=SUM(A1),AREA,${unique('P')},Contractor,Public Law,Goodish,Seen,,,`,
    ]);
    const before = await databaseFingerprint();
    const result = await lead.act(() =>
      importResultsAction({
        auditName: unique('Audit'),
        fileName: 'results.csv',
        contentBase64,
        commit: true,
        createPractitioners: true,
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok || result.data.status !== 'problems') throw new Error('expected problems');
    expect(result.data.problems.map((problem) => [problem.line, problem.column])).toEqual(
      expect.arrayContaining([
        [3, 'service_area'],
        [4, 'case_ref'],
        [4, 'employment'],
        [4, 'overall_grade'],
      ]),
    );
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses to import into an audit whose sample was drawn in Threshold', async () => {
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const { audit } = await createSamplingAudit({ draw: true });
    const result = await lead.act(() =>
      importResultsAction({
        auditName: audit.name,
        fileName: 'results.csv',
        contentBase64: Buffer.from('case_ref\n').toString('base64'),
        commit: false,
        createPractitioners: false,
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors?.auditName).toMatch(/has a sample drawn in Threshold/);
  });
});
