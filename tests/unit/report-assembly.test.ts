import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { buildAuditReport } from '@/lib/domain/report-assembly';
import { crossTabSections } from '@/lib/domain/report-counts';
import { authoriseReportScope } from '@/lib/domain/report-scope';
import type { Role } from '@/lib/domain/roles';
import { reportTables } from '@/lib/report/tables';
import { NOVEMBER_2014_COUNTS } from '../fixtures/november-2014-counts';

describe('the November 2014 demo report, built from hand-written counts with no database', () => {
  const report = buildAuditReport(NOVEMBER_2014_COUNTS);

  it('says 377 Good, 148 Met and 52 Not Met of 577 graded cases, as seed 000 does', () => {
    expect(report.audit.name).toBe('National Audit November 2014');
    expect(report.scope).toEqual({ serviceAreaId: null, label: 'National' });
    expect(report.total).toBe(577);
    expect(report.overall.counts).toEqual({ good: 377, met: 148, 'not-met': 52 });
    expect(report.overall.cells.map((cell) => [cell.label, cell.count, cell.display])).toEqual([
      ['Good', 377, '65%'],
      ['Met', 148, '26%'],
      ['Not Met', 52, '9%'],
    ]);
    expect(report.lowestLabel).toBe('Not Met');
  });

  it('compares with September 2013: Good up 16 points, Not Met down 10', () => {
    expect(report.earlier?.name).toBe('National Audit September 2013');
    expect(report.earlier?.overall.total).toBe(548);
    expect(report.changeInGood).toBe(16);
    expect(report.changeInLowest).toBe(-10);
  });

  it('counts every graded case once in every table (Fig. 2–5)', () => {
    expect(report.reconciliation).toEqual({ gradedCases: 577, agrees: true, mismatches: [] });
    expect(report.byLawType.map((row) => [row.key, row.total])).toEqual([
      ['PUBLIC_LAW', 265],
      ['PRIVATE_LAW_WAFH', 214],
      ['PRIVATE_LAW_WTFH', 98],
    ]);
    expect(report.byServiceArea).toHaveLength(18);
    expect(report.byServiceArea[0]).toMatchObject({ label: 'A1', total: 25, goodOrAbove: 16 });
    expect(report.childrenSeen.total.cases).toBe(577);
    expect(report.byEmployment.reduce((sum, row) => sum + row.total, 0)).toBe(577);
  });

  it('follows the trend over the three national audits, oldest first', () => {
    expect(
      report.trend.map((point) => [point.name, point.total, point.goodPercent, point.lowestPercent]),
    ).toEqual([
      ['National Audit April 2013', 479, 49, 20],
      ['National Audit September 2013', 548, 49, 19],
      ['National Audit November 2014', 577, 65, 9],
    ]);
  });

  it('cross-tabulates Supervision against Case recording, and names the challenges and benchmarking', () => {
    expect(report.crossTab?.rowSection.title).toBe('Supervision');
    expect(report.crossTab?.columnSection.title).toBe('Case recording');
    expect(report.crossTab?.total).toBe(577);
    expect(report.sections.map((section) => section.key)).toHaveLength(8);
    expect(report.challengeSentence).toContain('14');
    expect(report.benchmarkingSentence).toContain('Sara Mensah');
    expect(report.qa.map((figure) => figure.key)).toEqual([
      'collaborative',
      'familyFeedback',
      'managementOversight',
      'supervision',
    ]);
  });

  it('prints as the report tables without a database', () => {
    const tables = reportTables(report);
    expect(tables.length).toBeGreaterThan(5);
  });

  it('is the same report every time it is built from the same counts', () => {
    expect(buildAuditReport(NOVEMBER_2014_COUNTS)).toEqual(report);
  });
});

describe('crossTabSections', () => {
  const keys = ['case-recording', 'case-planning', 'supervision'];
  it('compares Supervision with the first other section unless asked', () => {
    expect(crossTabSections(keys, {})).toEqual({
      rowSection: 'supervision',
      columnSection: 'case-recording',
    });
    expect(
      crossTabSections(keys, { crossTab: { rowSection: 'case-planning', columnSection: 'supervision' } }),
    ).toEqual({ rowSection: 'case-planning', columnSection: 'supervision' });
  });
  it('refuses a section the rubric does not have', () => {
    expect(
      crossTabSections(keys, { crossTab: { rowSection: 'nope', columnSection: 'supervision' } }),
    ).toBeNull();
    expect(crossTabSections(['case-recording'], {})).toBeNull();
  });
});

describe('authoriseReportScope', () => {
  const actor = (role: Role, serviceAreaId: string | null = null): Actor => ({
    userId: 'u',
    sessionId: 's',
    name: 'n',
    email: 'e@example.org',
    role,
    serviceAreaId,
  });
  it.each([
    ['NATIONAL_SERVICE_DIRECTOR', null, null, null],
    ['NATIONAL_SERVICE_DIRECTOR', null, 'a2', 'a2'],
    ['HEAD_OF_SERVICE', 'a1', null, 'a1'],
    ['HEAD_OF_SERVICE', 'a1', 'a1', 'a1'],
    ['ASSISTANT_DIRECTOR', 'a1', null, 'a1'],
  ] as const)('%s of %s asking for %s reads %s', (role, ownArea, requested, expected) => {
    expect(authoriseReportScope(actor(role, ownArea), requested)).toEqual({ serviceAreaId: expected });
  });
  it.each([
    ['HEAD_OF_SERVICE', 'a1', 'a2'],
    ['IMPROVEMENT_ASSISTANT', null, null],
    ['ADMIN', null, 'a1'],
  ] as const)('%s of %s asking for %s is refused as not found', (role, ownArea, requested) => {
    expect(() => authoriseReportScope(actor(role, ownArea), requested)).toThrow(NotFoundOrForbiddenError);
  });
});
