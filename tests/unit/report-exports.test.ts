import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { AreaGradeRow, AuditReport, SectionShare } from '@/lib/domain/report-view';
import {
  crossTabulate,
  gradeGroups,
  gradeRow,
  reconcile,
  tooFewToCompare,
  wilsonInterval,
} from '@/lib/domain/report';
import { THREE_POINT_SCALE } from '@/lib/domain/rubric';
import { reportPdf } from '@/lib/report/pdf';
import { reportJson } from '@/lib/report/json';
import {
  NOT_SHOWN,
  reconciliationSentence,
  reportTables,
  type Cell,
  type ReportTable,
} from '@/lib/report/tables';
import { reportWorkbook, tableCsv } from '@/lib/report/xlsx';

const scale = THREE_POINT_SCALE;
const FORMULA_TEAM = '=HYPERLINK("https://example.com/x","Click me")';
const NARRATIVE = '@everyone: practice has improved since the last audit.';

type Counts = { good: number; met: number; 'not-met': number };
const share = (key: string, label: string, graded: number, goodOrAbove: number): SectionShare => ({
  key,
  label,
  graded,
  goodOrAbove,
});

/** A national report on the three-point scale, built by hand: one entry per area. */
function fixtureReport(areas: { code: string; counts: Counts }[]): AuditReport {
  const byServiceArea: AreaGradeRow[] = areas.map((area, index) => {
    const row = gradeRow(scale, `area-${index}`, area.code, area.counts);
    return {
      ...row,
      serviceAreaId: `area-${index}`,
      goodInterval: wilsonInterval(row.goodOrAbove, row.total),
      tooFewToCompare: tooFewToCompare(row.total),
      changeInGood: index === 0 ? 4 : null,
    };
  });
  const sum = (level: keyof Counts) => areas.reduce((total, area) => total + area.counts[level], 0);
  const counts: Counts = { good: sum('good'), met: sum('met'), 'not-met': sum('not-met') };
  const overall = gradeRow(scale, 'overall', 'All cases', counts);
  const total = overall.total;
  const earlier = gradeRow(scale, 'earlier', 'September 2013 audit', { good: 49, met: 30, 'not-met': 21 });
  const seenRow = (key: string, label: string, cases: number) => ({
    key,
    label,
    cases,
    eit: 1,
    counted: cases - 1,
    seen: cases - 2,
    notSeenReasonRecorded: 1,
    notSeenNoReason: 0,
    unclear: 0,
    notApplicable: 0,
  });
  const levelKeys = scale.levels.map((level) => level.key);
  const crossTab = crossTabulate(levelKeys, levelKeys, [
    { row: 'good', column: 'good', count: counts.good },
    { row: 'met', column: 'met', count: counts.met },
    { row: 'not-met', column: 'met', count: counts['not-met'] },
  ]);
  const sections = [
    { key: 'planning', title: 'Case planning' },
    { key: 'supervision', title: 'Supervision' },
  ].map((section) => ({
    ...section,
    overall: share('all', 'All cases', total, counts.good),
    byArea: byServiceArea.map((row) => share(row.serviceAreaId, row.label, row.total, row.goodOrAbove)),
    byTeam: [
      share('team-1', FORMULA_TEAM, 10, 6),
      share('team-2', 'Leeds South', total - 10, counts.good - 6),
    ],
  }));
  return {
    audit: {
      id: 'audit-1',
      name: 'November 2014 national audit',
      kind: 'NATIONAL_PRACTICE_QUALITY',
      status: 'PUBLISHED',
      windowFrom: '2014-09-01',
      windowTo: '2014-10-31',
      goodOrAboveTarget: 60,
      lowestTarget: 14,
      targetDate: '2015-05-31',
      thresholdVersionLabel: 'Operating framework (v3)',
    },
    scope: { serviceAreaId: null, label: 'National' },
    scale,
    groups: gradeGroups(scale),
    lowestLabel: 'Not Met',
    total,
    overall,
    earlier: { id: 'audit-0', name: 'September 2013 audit', overall: earlier },
    changeInGood: 16,
    changeInLowest: -12,
    byLawType: [
      gradeRow(scale, 'PUBLIC_LAW', 'Public Law', counts),
      gradeRow(scale, 'PRIVATE_LAW_WAFH', 'Private Law WAFH', {}),
      gradeRow(scale, 'PRIVATE_LAW_WTFH', 'Private Law WTFH', {}),
    ],
    byServiceArea,
    byEmployment: [gradeRow(scale, 'EMPLOYED', 'Employed', counts), gradeRow(scale, 'AGENCY', 'Agency', {})],
    childrenSeen: {
      rows: byServiceArea.map((row) => seenRow(row.serviceAreaId, row.label, row.total)),
      total: {
        ...seenRow('total', 'Overall', total),
        eit: areas.length,
        counted: total - areas.length,
        seen: total - 2 * areas.length,
        notSeenReasonRecorded: areas.length,
      },
    },
    sections,
    sectionOptions: sections.map((section) => ({ key: section.key, title: section.title })),
    crossTab: {
      rowSection: { key: 'supervision', title: 'Supervision' },
      columnSection: { key: 'planning', title: 'Case planning' },
      levels: scale.levels.map((level) => ({ key: level.key, label: level.label })),
      ...crossTab,
    },
    qa: [{ key: 'supervision', label: 'Supervision recorded', yes: 30, answered: 40 }],
    strengths: [
      {
        themeKey: 'child-voice',
        label: "The child's voice",
        count: 12,
        examples: ['Wishes and feelings work was vivid.', '+ Direct work with both children.'],
      },
    ],
    learningPoints: [
      { themeKey: 'analysis', label: 'Analysis', count: 5, examples: ['Analysis did not weigh the risks.'] },
    ],
    challengeSentence: '14 Not Met cases were challenged; 3 were re-graded to Met.',
    benchmarkingSentence: 'No cases have been benchmarked in Threshold for this audit.',
    trend: [
      {
        auditId: 'audit-1',
        name: 'November 2014 national audit',
        windowTo: '2014-10-31',
        total,
        goodOrAbove: counts.good,
        lowest: counts['not-met'],
        goodPercent: null,
        lowestPercent: null,
      },
    ],
    reconciliation: reconcile(total, [
      { table: 'Fig. 3 (service area)', total: byServiceArea.reduce((n, row) => n + row.total, 0) },
    ]),
    narrative: {
      strengths: NARRATIVE,
      learning: '',
      conclusion: 'The target of 60% Good has been exceeded.\n\nThe improvement has been sustained.',
      nextSteps: '-1 area still below target: see Fig. 3.',
      version: 1,
      updatedAt: null,
      updatedBy: null,
    },
    smallGroups: null,
  };
}

const TWO_AREAS = [
  { code: 'A1', counts: { good: 16, met: 7, 'not-met': 2 } },
  { code: 'A13', counts: { good: 11, met: 3, 'not-met': 3 } },
];

async function pdfPages(buffer: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' '));
}

const FORMULA_START = /^[=+\-@]/;

describe('reportPdf', () => {
  it('draws the page’s Fig. 1–3 charts, each above its table, with a legend and a 0–100% axis', async () => {
    const report = fixtureReport(TWO_AREAS);
    const text = (await pdfPages(await reportPdf(report, reportTables(report)))).join(' ');
    const order = [
      'Chart: Overall grades (Fig. 1)',
      'Chart: Grades by law type (Fig. 2)',
      'Chart: Grades by service area (Fig. 3)',
    ];
    const at = order.map((caption) => text.indexOf(caption));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const fig3Chart = text.indexOf(order[2]!);
    expect(text.indexOf('Fig. 3 By service area', fig3Chart)).toBeGreaterThan(fig3Chart);
    expect(text.slice(fig3Chart, text.indexOf('Fig. 3 By service area', fig3Chart))).toMatch(
      /Good.*Met.*Not Met.*A1.*A13.*0%.*20%.*40%.*60%.*80%.*100%/s,
    );
  });

  it('prints the heading, every table and each area with its cases', async () => {
    const report = fixtureReport(TWO_AREAS);
    const buffer = await reportPdf(report, reportTables(report));
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfPages(buffer)).join(' ');
    expect(text).toContain('November 2014 national audit: summary report');
    expect(text).toContain('National');
    expect(text).toContain('Work filed 1 September 2014 to 31 October 2014');
    expect(text).toContain('Every table counts the same 42 graded cases');
    expect(text).toContain('Fig. 3 By service area');
    for (const table of reportTables(report)) expect(text).toContain(table.title);
    expect(text).toMatch(/\bA1 25 16 64%/);
    expect(text).toMatch(/\bA13 17 11 65%/);
    expect(text).toContain(report.challengeSentence);
    expect(text).toContain('“Wishes and feelings work was vivid.”');
    expect(text).toContain(NARRATIVE);
  });

  it('names the document', async () => {
    const report = fixtureReport(TWO_AREAS);
    const pdf = await getDocumentProxy(new Uint8Array(await reportPdf(report, reportTables(report))));
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    expect(info.Title).toBe('November 2014 national audit: summary report');
  });

  it('runs a long table over pages with its header on each, and numbers the pages', async () => {
    const areas = Array.from({ length: 60 }, (_, index) => ({
      code: `Area ${String(index + 1).padStart(2, '0')}`,
      counts: { good: 10 + (index % 7), met: 5, 'not-met': index % 4 },
    }));
    const report = fixtureReport(areas);
    const pages = await pdfPages(await reportPdf(report, reportTables(report)));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
    // Only Fig. 3's rows print an interval such as "45–78%".
    const fig3Pages = pages.filter((page) => /\d+–\d+%/.test(page));
    expect(fig3Pages.length).toBeGreaterThan(1);
    for (const page of fig3Pages) expect(page).toContain('95% interval for % Good');
    for (const area of areas) expect(pages.join(' ')).toContain(area.code);
  });
});

describe('reportWorkbook', () => {
  async function reopen(report: AuditReport, tables: ReportTable[]) {
    const workbook = new ExcelJS.Workbook();
    const bytes = await reportWorkbook(report, tables);
    // exceljs declares an older Buffer type than @types/node's.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  }

  it('has a Summary sheet, then one sheet per table with names Excel accepts', async () => {
    const report = fixtureReport(TWO_AREAS);
    const tables = reportTables(report);
    const workbook = await reopen(report, tables);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual([
      'Summary',
      'Fig. 1 Overall audit figures',
      'Fig. 2 By law type',
      'Fig. 3 By service area',
      'Fig. 4 Children seen',
      'Fig. 5 Employment',
      'Sections by area',
      'Sections by team',
      'Section cross tab', // its title runs past 31 characters
      'Quality assurance indicators',
      'Key themes',
      'Trend across audits',
    ]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it('keeps numbers as numbers and writes the tables row for row', async () => {
    const report = fixtureReport(TWO_AREAS);
    const workbook = await reopen(report, reportTables(report));
    const sheet = workbook.getWorksheet('Fig. 3 By service area')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Fig. 3 By service area');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).value).toBe('Service area');
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect(sheet.getRow(3).getCell(1).value).toBe('A1');
    expect(sheet.getRow(3).getCell(2).value).toBe(25);
    expect(sheet.getRow(3).getCell(3).value).toBe(16);
    expect(sheet.getRow(3).getCell(4).value).toBe('64%');
    expect(sheet.getRow(4).getCell(2).value).toBe(17);
    expect(sheet.getRow(5).getCell(1).value).toBe('Total');
    expect(sheet.getRow(5).getCell(2).value).toBe(42);
    expect(sheet.getRow(5).font?.bold).toBe(true);
    const summary = workbook.getWorksheet('Summary')!;
    const graded = summary.getColumn(1).values.indexOf('Graded cases');
    expect(summary.getRow(graded).getCell(2).value).toBe(42);
  });

  it('neutralises every formula-like string and writes no formulas', async () => {
    const report = fixtureReport(TWO_AREAS);
    const workbook = await reopen(report, reportTables(report));
    const strings: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeFalsy();
          if (typeof cell.value === 'string') strings.push(cell.value);
        }),
      ),
    );
    for (const value of strings) expect(value).not.toMatch(FORMULA_START);
    expect(strings).toContain(`'${FORMULA_TEAM}`);
    expect(strings).toContain(`'${NARRATIVE}`);
    expect(strings).toContain('up 16 points'); // a change is written in words, never "+16"
    // The dash that marks an empty figure is not a minus sign.
    expect(strings).toContain('–');
  });
});

describe('reconciliationSentence', () => {
  it('says the tables agree, or names each one that does not', () => {
    expect(reconciliationSentence(reconcile(1, [{ table: 'Fig. 3', total: 1 }]))).toMatch(
      /^Every table counts the same 1 graded case,/,
    );
    expect(
      reconciliationSentence(
        reconcile(577, [
          { table: 'Fig. 2 (law type)', total: 576 },
          { table: 'Fig. 3 (service area)', total: 577 },
        ]),
      ),
    ).toBe(
      'These tables do not agree with the 577 graded cases: Fig. 2 (law type) counts 576 cases, not 577.',
    );
  });
});

describe('tableCsv', () => {
  it('writes header, rows and totals, with formula-like cells neutralised', () => {
    const report = fixtureReport(TWO_AREAS);
    const table = reportTables(report).find((candidate) => candidate.id === 'sections-by-team')!;
    const csv = tableCsv(table);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Team,Case planning,Supervision');
    expect(csv).toContain(`"'=HYPERLINK(""https://example.com/x"",""Click me"")"`);
    expect(lines.every((line) => !FORMULA_START.test(line))).toBe(true);
  });

  it('puts totals after the rows and leaves the notes out', () => {
    const report = fixtureReport(TWO_AREAS);
    const table = reportTables(report).find((candidate) => candidate.id === 'fig-3-service-area')!;
    const lines = tableCsv(table).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + table.rows.length + table.totals.length);
    expect(lines.at(-1)).toMatch(/^Total,42,/);
    expect(tableCsv(table)).not.toContain(table.notes[0]);
  });
});

describe('small groups in the report tables (a Director reads them)', () => {
  // A1 25 cases; A13 3 and A14 2: the two small areas are hidden, A1 is shown.
  const TWO_SMALL = [
    { code: 'A1', counts: { good: 16, met: 7, 'not-met': 2 } },
    { code: 'A13', counts: { good: 2, met: 0, 'not-met': 1 } },
    { code: 'A14', counts: { good: 1, met: 0, 'not-met': 1 } },
  ];
  const withRule = (areas: typeof TWO_SMALL): AuditReport => ({
    ...fixtureReport(areas),
    smallGroups: { minGroupSize: 5 },
  });
  const table = (report: AuditReport, id: string) =>
    reportTables(report).find((candidate) => candidate.id === id)!;
  const rowOf = (printed: ReportTable, label: string) => printed.rows.find((row) => row[0] === label)!;
  const hasFigure = (row: Cell[]) =>
    row.slice(2).some((cell) => typeof cell === 'number' || /\d%/.test(cell));

  it('prints a group of fewer than 5 cases with its number of cases only, and says why', () => {
    const fig3 = table(withRule(TWO_SMALL), 'fig-3-service-area');
    for (const [code, cases] of [
      ['A13', 3],
      ['A14', 2],
    ] as const) {
      const row = rowOf(fig3, code);
      // Cases, then count and percentage per grade group, then change and interval: only the cases remain.
      expect(row.slice(0, 10)).toEqual([code, cases, ...Array<string>(8).fill(NOT_SHOWN)]);
      expect(hasFigure(row)).toBe(false);
    }
    expect(rowOf(fig3, 'A1').slice(0, 4)).toEqual(['A1', 25, 16, '64%']);
    expect(fig3.notes.join(' ')).toContain(
      'A group of fewer than 5 graded cases shows only its number of cases',
    );
    // The totals are complete and still reconcile.
    expect(fig3.totals[0]!.slice(0, 4)).toEqual(['Total', 30, 19, '63%']);
    expect(fig3.rows.reduce((sum, row) => sum + (row[1] as number), 0)).toBe(30);
  });

  it('hides the next smallest group too when only one would be hidden, so it cannot be worked out from the total', () => {
    const oneSmall = withRule([
      { code: 'A1', counts: { good: 16, met: 7, 'not-met': 2 } },
      { code: 'A2', counts: { good: 10, met: 5, 'not-met': 5 } },
      { code: 'A13', counts: { good: 2, met: 0, 'not-met': 1 } },
    ]);
    const fig3 = table(oneSmall, 'fig-3-service-area');
    expect(hasFigure(rowOf(fig3, 'A13'))).toBe(false);
    expect(hasFigure(rowOf(fig3, 'A2'))).toBe(false);
    expect(rowOf(fig3, 'A1').slice(0, 4)).toEqual(['A1', 25, 16, '64%']);
    expect(fig3.totals[0]!.slice(0, 2)).toEqual(['Total', 48]);
  });

  it('hides small groups in the children-seen, section and QA tables', () => {
    const report = withRule(TWO_SMALL);
    const fig4 = table(report, 'fig-4-children-seen');
    expect(rowOf(fig4, 'A13')).toEqual(['A13', 3, 1, 2, ...Array<string>(6).fill(NOT_SHOWN)]);
    expect(rowOf(fig4, 'A1').slice(0, 6)).toEqual(['A1', 25, 1, 24, 23, '96%']);
    const byArea = table(report, 'sections-by-area');
    expect(byArea.rows[0]).toEqual([
      'Case planning',
      '63% of 30',
      '64% of 25',
      `${NOT_SHOWN}, 3 graded`,
      `${NOT_SHOWN}, 2 graded`,
    ]);
    // The fixture's teams have 10 and 20 cases: nothing hidden, no note.
    const byTeam = table(report, 'sections-by-team');
    expect(byTeam.rows.flat().join(' ')).not.toContain(NOT_SHOWN);
    expect(byTeam.notes).toEqual([]);
  });

  it('hides nothing for a reader without the rule, and prints the rule only where it hid something', () => {
    const fullFigures = fixtureReport(TWO_SMALL);
    for (const printed of reportTables(fullFigures)) {
      expect(printed.rows.flat().concat(printed.totals.flat())).not.toContain(NOT_SHOWN);
      expect(printed.notes.join(' ')).not.toContain('shows only its number of cases');
    }
    expect(rowOf(table(fullFigures, 'fig-3-service-area'), 'A13')).toContain('67%');
  });

  it('hides every grade figure of a report of fewer than 5 cases, in every table and the JSON', () => {
    const base = fixtureReport([{ code: 'A13', counts: { good: 2, met: 1, 'not-met': 1 } }]);
    const tiny: AuditReport = {
      ...base,
      qa: [{ key: 'supervision', label: 'Supervision recorded', yes: 3, answered: 4 }],
      sections: base.sections.map((section) => ({ ...section, byTeam: [share('team-1', 'Leeds', 4, 2)] })),
      smallGroups: { minGroupSize: 5 },
    };
    const printed = reportTables(tiny)
      .filter((candidate) => candidate.id !== 'key-themes')
      .flatMap((candidate) => [...candidate.rows, ...candidate.totals])
      .flat()
      .filter((cell): cell is string => typeof cell === 'string');
    // Only the earlier audit's row (100 cases) is large enough to show.
    expect(printed.filter((cell) => /^[<>]?\d+%$/.test(cell))).toEqual(['49%', '30%', '21%']);
    const json = reportJson(tiny);
    expect(json.overall).toEqual({ Good: null, Met: null, 'Not Met': null });
    expect(json.byServiceArea).toEqual({ A13: { Good: null, Met: null, 'Not Met': null } });
    expect(json.percentages).toEqual({ goodOrAbove: null, lowest: null });
    expect(json.comparedWith).toMatchObject({ changeInGoodPoints: null, changeInLowestPoints: null });
    expect(json.qualityAssurance).toEqual({ 'Supervision recorded': { yes: null, answered: 4 } });
    expect(json.total).toBe(4);
  });
});
