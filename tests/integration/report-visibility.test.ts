// Issue 13: who sees an audit's figures. A benchmarker grading blind sees none
// of the audit's figures until they submit; a Director sees no percentage of a
// group of fewer than 5 cases; an area role sees only its own area's challenges.
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import {
  actingAs,
  completeAnswers,
  createBenchmark,
  createChallenge,
  createGradedAudit,
  createServiceArea,
  createTeam,
} from '../factories';
import { GET as exportCalibration } from '@/app/(app)/audits/[auditId]/calibration/export/route';
import { GET as exportReport } from '@/app/(app)/reports/[auditId]/export/route';
import { submitBenchmarkAction } from '@/lib/actions/benchmarks';
import { getCalibration } from '@/lib/use-cases/benchmarks/get-calibration';
import { getAuditChallengeFigures as auditChallengeFiguresFor } from '@/lib/use-cases/challenges/get-audit-challenge-figures';
import { db } from '@/lib/db/client';
import { findAuditsUnderWay as auditsUnderWay } from '@/lib/use-cases/dashboards/find-audits-under-way';
import { getAuditReport } from '@/lib/use-cases/reports/get-audit-report';
import { WithheldWhileBenchmarkingError } from '@/lib/domain/errors';
import { NOT_SHOWN, reportTables } from '@/lib/report/tables';

const WITHHELD_MESSAGE = 'Submit your benchmark gradings to see this audit’s report';

type Person = Awaited<ReturnType<typeof actingAs>>;

function download(person: Person, auditId: string, query: string) {
  return person.act(() =>
    exportReport(new Request(`http://localhost/reports/${auditId}/export?${query}`), {
      params: Promise.resolve({ auditId }),
    }),
  );
}

/** Every download the report offers: each table as CSV, the workbook, the PDF and the JSON. */
function everyExport(tableIds: string[]): string[] {
  return [...tableIds.map((id) => `format=csv&table=${id}`), 'format=xlsx', 'format=pdf', 'format=json'];
}

describe('an audit in which the reader still benchmarks blind', () => {
  it('withholds the report and every export from the benchmarker until they submit, then shows them', async () => {
    const benchmarker = await actingAs('SENIOR_SERVICE_MANAGER');
    // One graded case in its area: any figure of the area is that case's first grade.
    const { audit, benchmark, content } = await createBenchmark({ benchmarkerId: benchmarker.id });
    const colleague = await actingAs('SENIOR_SERVICE_MANAGER');
    const seenByColleague = await getAuditReport(colleague.actor, audit.id, null);
    expect(seenByColleague.total).toBe(1);
    const tableIds = reportTables(seenByColleague).map((table) => table.id);
    expect(tableIds).toEqual(
      expect.arrayContaining(['fig-3-service-area', 'sections-by-team', 'section-cross-tab', 'key-themes']),
    );

    await expect(getAuditReport(benchmarker.actor, audit.id, null)).rejects.toBeInstanceOf(
      WithheldWhileBenchmarkingError,
    );
    for (const query of everyExport(tableIds)) {
      const response = await download(benchmarker, audit.id, query);
      expect(response.status, query).toBe(403);
      expect(response.headers.get('content-disposition'), query).toBeNull();
      expect(await response.text(), query).toContain(WITHHELD_MESSAGE);
    }
    // The colleague, who benchmarks nothing here, downloads the same table.
    const control = await download(colleague, audit.id, 'format=csv&table=fig-3-service-area');
    expect(control.status).toBe(200);
    expect(await control.text()).toMatch(/,1,1,100%,/);

    const submitted = await benchmarker.act(() =>
      submitBenchmarkAction({
        benchmarkId: benchmark.id,
        baseVersion: benchmark.version,
        submissionId: crypto.randomUUID(),
        answersJson: JSON.stringify(completeAnswers(content, 'met')),
      }),
    );
    expect(submitted).toMatchObject({ ok: true });
    expect((await getAuditReport(benchmarker.actor, audit.id, null)).total).toBe(1);
    const after = await download(benchmarker, audit.id, 'format=csv&table=fig-3-service-area');
    expect(after.status).toBe(200);
  });

  it('withholds the calibration report, the audit page’s challenge counts and the dashboard’s', async () => {
    const benchmarker = await actingAs('SENIOR_SERVICE_MANAGER');
    const { audit } = await createBenchmark({ benchmarkerId: benchmarker.id });
    const colleague = await actingAs('SENIOR_SERVICE_MANAGER');

    await expect(getCalibration(benchmarker.actor, audit.id)).rejects.toBeInstanceOf(
      WithheldWhileBenchmarkingError,
    );
    for (const query of ['format=xlsx', 'format=csv&table=agreement-overall']) {
      const response = await benchmarker.act(() =>
        exportCalibration(new Request(`http://localhost/audits/${audit.id}/calibration/export?${query}`), {
          params: Promise.resolve({ auditId: audit.id }),
        }),
      );
      expect(response.status, query).toBe(403);
      expect(await response.text(), query).toContain(WITHHELD_MESSAGE);
    }
    expect((await getCalibration(colleague.actor, audit.id)).auditName).toBe(audit.name);

    expect(await auditChallengeFiguresFor(benchmarker.actor, audit.id)).toEqual({
      shown: false,
      reason: 'withheld-while-benchmarking',
    });
    expect(await auditChallengeFiguresFor(colleague.actor, audit.id)).toMatchObject({
      shown: true,
      serviceAreaId: null,
    });

    const filters = { kind: 'NATIONAL_PRACTICE_QUALITY' as const, from: null, to: null, lawType: null };
    const national = { level: 'national' as const };
    const mine = (await auditsUnderWay(benchmarker.actor, national, filters, new Date())).find(
      (row) => row.auditId === audit.id,
    );
    expect(mine).toMatchObject({ graded: 1, challenged: null, overdue: null });
    const theirs = (await auditsUnderWay(colleague.actor, national, filters, new Date())).find(
      (row) => row.auditId === audit.id,
    );
    expect(theirs).toMatchObject({ graded: 1, challenged: 0, overdue: 0 });
  });

  it('withholds an area report from a Head of Service benchmarking another area’s case', async () => {
    const own = await createServiceArea();
    const hos = await actingAs('HEAD_OF_SERVICE', own.id);
    const { audit } = await createBenchmark({ benchmarkerId: hos.id });
    await expect(getAuditReport(hos.actor, audit.id, null)).rejects.toBeInstanceOf(
      WithheldWhileBenchmarkingError,
    );
    const response = await download(hos, audit.id, 'format=pdf');
    expect(response.status).toBe(403);
  });

  it('opens the figures once the audit is published, when no benchmark can be submitted any more', async () => {
    const benchmarker = await actingAs('SENIOR_SERVICE_MANAGER');
    const { audit } = await createBenchmark({ benchmarkerId: benchmarker.id });
    await expect(getAuditReport(benchmarker.actor, audit.id, null)).rejects.toBeInstanceOf(
      WithheldWhileBenchmarkingError,
    );
    await db().audit.update({ where: { id: audit.id }, data: { status: 'PUBLISHED' } });
    expect((await getAuditReport(benchmarker.actor, audit.id, null)).total).toBe(1);
  });

  it('leaves an unpublished earlier audit the reader benchmarks blind out of a later report’s comparison', async () => {
    const benchmarker = await actingAs('SENIOR_SERVICE_MANAGER');
    const { audit: earlier } = await createBenchmark({ benchmarkerId: benchmarker.id });
    const area = await createServiceArea();
    const { audit: later } = await createGradedAudit([{ serviceAreaId: area.id, grade: 'met' }], {
      windowTo: '2015-03-31',
      comparedWithId: earlier.id,
    });
    const colleague = await actingAs('SENIOR_SERVICE_MANAGER');
    expect((await getAuditReport(colleague.actor, later.id, null)).earlier?.id).toBe(earlier.id);
    const report = await getAuditReport(benchmarker.actor, later.id, null);
    expect(report.earlier).toBeNull();
    expect(report.changeInGood).toBeNull();
  });
});

/** A short code, so a PDF table cell does not wrap it. */
// Short (codes print in narrow columns) and unique: two made in the same millisecond must differ.
let shortCodes = 0;
const shortCode = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-5)}${(shortCodes += 1)}`;

async function pdfText(response: Response): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

async function workbookRows(response: Response): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: string[][] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => {
      // The report's cells are text or numbers (xlsx.ts writes nothing else).
      const values = (row.values as (string | number | null | undefined)[])
        .slice(1)
        .map((value) => (value === null || value === undefined ? '' : String(value)));
      rows.push(values);
    }),
  );
  return rows;
}

describe('small groups in the report, for a Director', () => {
  it('prints a team or area of fewer than 5 cases with its number of cases only, in the tables, CSV, XLSX and PDF', async () => {
    const large = await createServiceArea({ code: shortCode('LG') });
    const small = await createServiceArea({ code: shortCode('SM') });
    const smaller = await createServiceArea({ code: shortCode('SN') });
    const largeTeam = await createTeam(large.id, shortCode('Team'));
    const smallTeam = await createTeam(small.id, shortCode('Team'));
    const smallerTeam = await createTeam(smaller.id, shortCode('Team'));
    const sections = { supervision: 'good', 'case-planning': 'met' };
    const graded = (area: { id: string }, team: { id: string }, grades: string[]) =>
      grades.map((grade) => ({ serviceAreaId: area.id, teamId: team.id, grade, sectionGrades: sections }));
    const { audit } = await createGradedAudit([
      ...graded(large, largeTeam, ['good', 'good', 'good', 'met', 'met', 'not-met']),
      ...graded(small, smallTeam, ['good', 'not-met', 'met']),
      ...graded(smaller, smallerTeam, ['good', 'not-met']),
    ]);
    const director = await actingAs('DIRECTOR');
    const nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    const nothingBut = (cases: number, code: string) =>
      new RegExp(`^${code},${cases},${Array<string>(8).fill(NOT_SHOWN).join(',')},`);

    // The tables the page prints.
    const report = await getAuditReport(director.actor, audit.id, null);
    expect(report.smallGroups).toEqual({ minGroupSize: 5 });
    expect(report.reconciliation.agrees).toBe(true);
    const fig3 = reportTables(report).find((table) => table.id === 'fig-3-service-area')!;
    expect(fig3.rows.find((row) => row[0] === small.code)!.slice(0, 4)).toEqual([
      small.code,
      3,
      NOT_SHOWN,
      NOT_SHOWN,
    ]);
    expect(fig3.rows.find((row) => row[0] === large.code)!.slice(0, 4)).toEqual([large.code, 6, 3, '50%']);
    // The totals are complete: 11 cases, 5 of them Good.
    expect(fig3.totals[0]!.slice(0, 4)).toEqual(['Total', 11, 5, '45%']);
    expect(fig3.notes.join(' ')).toContain(
      'A group of fewer than 5 graded cases shows only its number of cases',
    );
    const byTeam = reportTables(report).find((table) => table.id === 'sections-by-team')!;
    const teamRow = byTeam.rows.find((row) => row[0] === smallTeam.name)!;
    // Two sections graded (the rest print a dash), each of 3 cases: hidden.
    expect(teamRow.filter((cell) => cell === `${NOT_SHOWN}, 3 graded`)).toHaveLength(2);
    expect(teamRow.join('|')).not.toMatch(/\d%/);
    expect(byTeam.rows.find((row) => row[0] === largeTeam.name)).toContain('100% of 6');

    // The CSV the page links to.
    const csv = await (await download(director, audit.id, 'format=csv&table=fig-3-service-area')).text();
    expect(csv).toMatch(new RegExp(nothingBut(3, small.code).source, 'm'));
    expect(csv).toMatch(new RegExp(nothingBut(2, smaller.code).source, 'm'));
    expect(csv).toMatch(new RegExp(`^${large.code},6,3,50%,`, 'm'));
    const teamCsv = await (await download(director, audit.id, 'format=csv&table=sections-by-team')).text();
    const teamLine = teamCsv.split('\r\n').find((line) => line.startsWith(`${smallTeam.name},`))!;
    expect(teamLine.split(`${NOT_SHOWN}, 3 graded`)).toHaveLength(3);
    expect(teamLine).not.toMatch(/\d%/);

    // The workbook: every row of the small areas and teams has no grade figure.
    const rows = await workbookRows(await download(director, audit.id, 'format=xlsx'));
    const smallNames = [small.code, smaller.code, smallTeam.name, smallerTeam.name];
    const smallRows = rows.filter((row) => smallNames.includes(row[0]!));
    expect(smallRows.length).toBeGreaterThanOrEqual(6); // Fig. 3, Fig. 4, by team, for each
    for (const row of smallRows) {
      expect(row.join('|')).not.toMatch(/\d%/);
      expect(row.some((cell) => cell.startsWith(NOT_SHOWN))).toBe(true);
    }

    // The PDF.
    const pdf = await pdfText(await download(director, audit.id, 'format=pdf'));
    expect(pdf).toContain(`${small.code} 3 ${NOT_SHOWN} ${NOT_SHOWN}`);
    expect(pdf).toContain(`${large.code} 6 3 50%`);

    // The National Service Director, who runs the audit, sees every figure.
    const full = await (await download(nsd, audit.id, 'format=csv&table=fig-3-service-area')).text();
    expect(full).toMatch(new RegExp(`^${smaller.code},2,1,50%,0,0%,1,50%,`, 'm'));
    expect(full).not.toContain(NOT_SHOWN);
  });
});

describe('challenge counts on the audit page', () => {
  it('shows a Head of Service only their own area’s challenge counts; a national role every area’s', async () => {
    const own = await createServiceArea();
    const other = await createServiceArea();
    const mine = await createChallenge({ serviceAreaId: own.id });
    const theirs = await createChallenge({ serviceAreaId: other.id });
    // Both challenges in one audit: move the other area's case and challenge into the first's audit.
    const { auditId } = await db().challenge.findUniqueOrThrow({
      where: { id: mine.challenge.id },
      select: { auditId: true },
    });
    await db().challenge.update({ where: { id: theirs.challenge.id }, data: { auditId } });

    const hos = await actingAs('HEAD_OF_SERVICE', own.id);
    const forHos = await auditChallengeFiguresFor(hos.actor, auditId);
    if (!forHos?.shown) throw new Error('The Head of Service should see their area’s figures');
    expect(forHos.serviceAreaId).toBe(own.id);
    expect(forHos.figures.byArea.map((row) => row.areaCode)).toEqual([own.code]);
    expect(forHos.figures.overall.challenged).toBe(1);

    const ad = await actingAs('ASSISTANT_DIRECTOR', other.id);
    const forAd = await auditChallengeFiguresFor(ad.actor, auditId);
    expect(forAd?.shown && forAd.figures.byArea.map((row) => row.areaCode)).toEqual([other.code]);

    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const forLead = await auditChallengeFiguresFor(lead.actor, auditId);
    expect(forLead?.shown && forLead.figures.byArea.map((row) => row.areaCode).sort()).toEqual(
      [own.code, other.code].sort(),
    );
    expect(forLead?.shown && forLead.figures.overall.challenged).toBe(2);

    // Someone who reads neither challenges nor reports gets none.
    const admin = await actingAs('ADMIN');
    expect(await auditChallengeFiguresFor(admin.actor, auditId)).toBeNull();
  });
});
