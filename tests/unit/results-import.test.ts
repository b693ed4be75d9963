import { describe, expect, it } from 'vitest';
import { readCsv } from '@/lib/csv/read-csv';
import {
  MAX_RESULT_ROWS,
  checkResultsHeader,
  validateResults,
  type ResultsLookup,
} from '@/lib/domain/results-import';

const SECTIONS = ['planning', 'voice'];
const lookup: ResultsLookup = {
  levels: [
    { key: 'good', label: 'Good' },
    { key: 'met', label: 'Met' },
    { key: 'not_met', label: 'Not Met' },
  ],
  sectionKeys: SECTIONS,
  serviceAreaIdByCode: new Map([
    ['a1', 'area-a1'],
    ['a15 public', 'area-a15'],
  ]),
  teamIdByAreaAndName: new Map([
    ['area-a1\u0000a1 north', 'team-a1-north'],
    ['area-a15\u0000central', 'team-a15-central'],
  ]),
  practitionerByReference: new Map([
    ['p1', { id: 'prac-p1', serviceAreaId: 'area-a1', employment: 'EMPLOYED' as const }],
    ['p2', { id: 'prac-p2', serviceAreaId: 'area-a15', employment: 'AGENCY' as const }],
  ]),
  caseRefsAlreadyInAudit: new Set(['c-old']),
};

/** A row of a file without the past-local-audit columns: no auditor, no date, no indicators. */
const NOTHING_PAST = {
  auditorId: null,
  auditedOn: null,
  qa: {
    collaborative: null,
    familyFeedback: null,
    managementOversightExpected: null,
    managementOversight: null,
    supervision: null,
    supervisionImpact: null,
  },
};

const HEADER =
  'case_ref,service_area,team,practitioner_ref,employment,law_type,overall_grade,children_seen,performance_band,eit,planning,voice';
const GOOD_ROW = 'C1,A1,A1 North,P1,Employed,Public Law,Good,Seen,,no,Good,Met';

async function validate(csv: string) {
  const read = await readCsv(csv, { maxRows: MAX_RESULT_ROWS });
  if (!read.ok) throw new Error(read.reason);
  return validateResults(read.table, lookup);
}

/** The file's header and good row, with one cell of the row replaced. */
function withCell(column: string, value: string): string {
  const names = HEADER.split(',');
  const cells = GOOD_ROW.split(',');
  cells[names.indexOf(column)] = value;
  return `${HEADER}\n${cells.join(',')}`;
}

describe('checkResultsHeader', () => {
  it('accepts the required columns in any order and case, ignoring extra columns', () => {
    expect(
      checkResultsHeader(
        [
          ' Children_Seen',
          'OVERALL_GRADE',
          'notes',
          'law_type',
          'Employment',
          'practitioner_ref ',
          'service_area',
          'case_ref',
          '',
        ],
        SECTIONS,
      ),
    ).toEqual([]);
  });

  it('names every missing required column on line 1', () => {
    expect(checkResultsHeader(['case_ref', 'team', 'planning'], SECTIONS)).toEqual(
      ['service_area', 'practitioner_ref', 'employment', 'law_type', 'overall_grade', 'children_seen'].map(
        (column) => ({ line: 1, column, reason: 'required column is missing from the header' }),
      ),
    );
  });

  it('refuses a column given twice, including a section column, but not a repeated extra column', () => {
    expect(
      checkResultsHeader([...HEADER.split(','), 'Case_Ref', 'VOICE', 'notes', 'notes'], SECTIONS),
    ).toEqual([
      { line: 1, column: 'Case_Ref', reason: 'column "Case_Ref" appears twice (columns 1 and 13)' },
      { line: 1, column: 'VOICE', reason: 'column "VOICE" appears twice (columns 12 and 14)' },
    ]);
  });

  it('stops validateResults before any row is read', async () => {
    const result = await validate('case_ref,service_area\n=bad,A99');
    expect(result.problems.map((problem) => problem.column)).toEqual([
      'practitioner_ref',
      'employment',
      'law_type',
      'overall_grade',
      'children_seen',
    ]);
    expect(result.rows).toEqual([]);
  });
});

describe('validateResults', () => {
  it('counts work to first hearing as EIT work unless the eit column says no', async () => {
    const { rows } = await validate(
      [
        HEADER,
        'E1,A1,,N1,Employed,Private Law WTFH,Good,Not applicable,,,,,',
        'E2,A1,,N2,Employed,Private Law WTFH,Good,Seen,,no,,,',
        'E3,A1,,N3,Employed,Public Law,Good,Seen,,,,,',
      ].join('\n'),
    );
    expect(rows.map((row) => [row.caseRef, row.isEit])).toEqual([
      ['E1', true],
      ['E2', false],
      ['E3', false],
    ]);
  });

  it('turns a good file into the expected rows and lists each new practitioner once', async () => {
    const csv = [
      `${HEADER},notes`,
      `${GOOD_ROW},ignored`,
      'C2,a15 public,,p2,agency,private law wafh,not_met,Not seen – reason recorded,Band 3,yes,,Not Met,',
      'C3,A1,a1 north,N9,Agency,Private Law WTFH,met,not applicable,B2,,,,',
      'C4,A1,,n9,Employed,PUBLIC_LAW,MET,NOT SEEN - NO REASON RECORDED,,Y,good,,=ignored',
      'C5,A1,,N10,Employed,Private Law WAFH,Not met,unclear,,,,,',
    ].join('\n');
    const result = await validate(csv);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        ...NOTHING_PAST,
        line: 2,
        caseRef: 'C1',
        serviceAreaId: 'area-a1',
        teamId: 'team-a1-north',
        practitionerRef: 'P1',
        practitionerId: 'prac-p1',
        employment: 'EMPLOYED',
        lawType: 'PUBLIC_LAW',
        isEit: false,
        overallGrade: 'good',
        childrenSeen: 'SEEN',
        performanceBand: null,
        sectionGrades: { planning: 'good', voice: 'met' },
      },
      {
        ...NOTHING_PAST,
        line: 3,
        caseRef: 'C2',
        serviceAreaId: 'area-a15',
        teamId: null,
        practitionerRef: 'p2',
        practitionerId: 'prac-p2',
        employment: 'AGENCY',
        lawType: 'PRIVATE_LAW_WAFH',
        isEit: true,
        overallGrade: 'not_met',
        childrenSeen: 'NOT_SEEN_REASON_RECORDED',
        performanceBand: 'Band 3',
        sectionGrades: { voice: 'not_met' },
      },
      {
        ...NOTHING_PAST,
        line: 4,
        caseRef: 'C3',
        serviceAreaId: 'area-a1',
        teamId: 'team-a1-north',
        practitionerRef: 'N9',
        practitionerId: null,
        employment: 'AGENCY',
        lawType: 'PRIVATE_LAW_WTFH',
        isEit: true, // eit left blank: work to first hearing counts as EIT work
        overallGrade: 'met',
        childrenSeen: 'NOT_APPLICABLE',
        performanceBand: 'B2',
        sectionGrades: {},
      },
      {
        ...NOTHING_PAST,
        line: 5,
        caseRef: 'C4',
        serviceAreaId: 'area-a1',
        teamId: null,
        practitionerRef: 'n9',
        practitionerId: null,
        employment: 'EMPLOYED',
        lawType: 'PUBLIC_LAW',
        isEit: true,
        overallGrade: 'met',
        childrenSeen: 'NOT_SEEN_NO_REASON',
        performanceBand: null,
        sectionGrades: { planning: 'good' },
      },
      {
        ...NOTHING_PAST,
        line: 6,
        caseRef: 'C5',
        serviceAreaId: 'area-a1',
        teamId: null,
        practitionerRef: 'N10',
        practitionerId: null,
        employment: 'EMPLOYED',
        lawType: 'PRIVATE_LAW_WAFH',
        isEit: false,
        overallGrade: 'not_met',
        childrenSeen: 'UNCLEAR',
        performanceBand: null,
        sectionGrades: {},
      },
    ]);
    expect(result.unknownPractitioners).toEqual([
      {
        reference: 'N9',
        serviceAreaId: 'area-a1',
        teamId: 'team-a1-north',
        employment: 'AGENCY',
        performanceBand: 'B2',
      },
      {
        reference: 'N10',
        serviceAreaId: 'area-a1',
        teamId: null,
        employment: 'EMPLOYED',
        performanceBand: null,
      },
    ]);
  });

  it('reads the optional columns as absent when the header leaves them out', async () => {
    const result = await validate(
      'Overall_Grade,Children_Seen,Law_Type,Employment,Practitioner_Ref,Service_Area,Case_Ref\nmet,Seen,Public Law,Employed,P1,A1,C1',
    );
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      teamId: null,
      isEit: false,
      performanceBand: null,
      sectionGrades: {},
    });
  });

  it.each([
    ['Seen', 'SEEN'],
    ['SEEN', 'SEEN'],
    ['Not seen - reason recorded', 'NOT_SEEN_REASON_RECORDED'],
    ['Not seen – reason recorded', 'NOT_SEEN_REASON_RECORDED'],
    ['not seen–reason recorded', 'NOT_SEEN_REASON_RECORDED'],
    ['Not seen - no reason recorded', 'NOT_SEEN_NO_REASON'],
    ['NOT SEEN – NO REASON RECORDED', 'NOT_SEEN_NO_REASON'],
    ['Unclear', 'UNCLEAR'],
    ['Not applicable', 'NOT_APPLICABLE'],
    ['NOT_APPLICABLE', 'NOT_APPLICABLE'],
  ])('reads children_seen "%s" as %s', async (text, expected) => {
    const result = await validate(withCell('children_seen', text));
    expect(result.problems).toEqual([]);
    expect(result.rows[0]?.childrenSeen).toBe(expected);
  });

  it.each([
    ['yes', true],
    ['YES', true],
    ['y', true],
    ['true', true],
    ['1', true],
    ['No', false],
    ['n', false],
    ['0', false],
    ['', false],
  ])('reads eit "%s" as %s', async (text, expected) => {
    const result = await validate(withCell('eit', text));
    expect(result.problems).toEqual([]);
    expect(result.rows[0]?.isEit).toBe(expected);
  });

  it('matches a grade by its label or its key, in any case', async () => {
    const result = await validate(
      [
        HEADER,
        'C1,A1,,P1,Employed,Public Law,NOT MET,Seen,,,GOOD,not_met',
        'C2,A1,,P1,Employed,Public Law,Not_Met,Seen,,,met,',
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => [row.overallGrade, row.sectionGrades])).toEqual([
      ['not_met', { planning: 'good', voice: 'not_met' }],
      ['not_met', { planning: 'met' }],
    ]);
  });

  it.each([
    ['case_ref', '', 'is required'],
    ['service_area', ' ', 'is required'],
    ['practitioner_ref', '', 'is required'],
    ['employment', '', 'is required'],
    ['law_type', '', 'is required'],
    ['overall_grade', '', 'is required'],
    ['children_seen', '', 'is required'],
    ['service_area', 'A99', 'unknown service area "A99"'],
    ['team', 'Central', 'no team "Central" in service area A1'],
    ['employment', 'Contractor', 'must be Employed or Agency, not "Contractor"'],
    ['law_type', 'Family Law', 'must be Public Law, Private Law WAFH or Private Law WTFH, not "Family Law"'],
    ['overall_grade', 'Goodish', `"Goodish" is not a grade on this audit's scale (Good, Met, Not Met)`],
    ['planning', 'Outstanding', `"Outstanding" is not a grade on this audit's scale (Good, Met, Not Met)`],
    [
      'children_seen',
      'Maybe',
      'must be Seen, Not seen - reason recorded, Not seen - no reason recorded, Unclear or Not applicable, not "Maybe"',
    ],
    ['eit', 'perhaps', 'must be yes or no, not "perhaps"'],
    ['case_ref', 'C-OLD', 'case "C-OLD" already has a result in this audit'],
    ['practitioner_ref', 'P2', 'practitioner "P2" works in service area a15 public, not A1'],
    ['case_ref', '=cmd|calc', 'starts with = + - or @, which a spreadsheet would run as a formula'],
    ['practitioner_ref', '+P1', 'starts with = + - or @, which a spreadsheet would run as a formula'],
    ['team', '-A1 North', 'starts with = + - or @, which a spreadsheet would run as a formula'],
    ['performance_band', '@SUM(1)', 'starts with = + - or @, which a spreadsheet would run as a formula'],
    ['case_ref', 'C\u00001', 'contains control or invisible characters'],
    ['practitioner_ref', 'P\u202E1', 'contains control or invisible characters'],
    ['team', 'A1\u200BNorth', 'contains control or invisible characters'],
    ['performance_band', 'Band\u00073', 'contains control or invisible characters'],
    ['performance_band', 'x'.repeat(41), 'is too long (41 characters; at most 40)'],
    ['case_ref', 'C'.repeat(41), 'is too long (41 characters; at most 40)'],
    ['law_type', 'x'.repeat(81), 'is too long (81 characters; at most 80)'],
    ['service_area', 'A1\u202E', 'contains control or invisible characters'],
    ['voice', 'Met\u200B', 'contains control or invisible characters'],
  ])('refuses %s "%s": %s', async (column, value, reason) => {
    const result = await validate(withCell(column, value));
    expect(result.problems).toEqual([{ line: 2, column, reason }]);
    expect(result.rows).toEqual([]);
    expect(result.unknownPractitioners).toEqual([]);
  });

  it('allows "Not applicable" for children seen on any law type, EIT or not', async () => {
    const result = await validate(
      [
        HEADER,
        'C1,A1,,P1,Employed,Public Law,Good,Not applicable,,no,,',
        'C2,A1,,P1,Employed,Private Law WAFH,Good,Not applicable,,yes,,',
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => row.childrenSeen)).toEqual(['NOT_APPLICABLE', 'NOT_APPLICABLE']);
  });

  it('reports a repeated case reference on the later line, naming the earlier one', async () => {
    const result = await validate(
      [
        HEADER,
        GOOD_ROW,
        'C2,A1,,P1,Employed,Public Law,Good,Seen,,,,',
        'c1,A1,,P1,Employed,Public Law,Met,Seen,,,,',
      ].join('\n'),
    );
    expect(result.problems).toEqual([
      { line: 4, column: 'case_ref', reason: 'case "c1" is already on line 2 of this file' },
    ]);
    expect(result.rows).toEqual([]);
  });

  it('refuses a new practitioner whose rows disagree on the service area', async () => {
    const result = await validate(
      [
        HEADER,
        'C1,A1,,N9,Agency,Public Law,Good,Seen,,,,',
        'C2,A1,A1 North,n9,Employed,Public Law,Good,Seen,,,,', // another team and employment: allowed
        'C3,A15 Public,,N9,Agency,Public Law,Good,Seen,,,,',
      ].join('\n'),
    );
    expect(result.problems).toEqual([
      {
        line: 4,
        column: 'practitioner_ref',
        reason: 'new practitioner "N9" is in service area A1 on line 2, not A15 Public',
      },
    ]);
    expect(result.unknownPractitioners).toEqual([]);
  });

  it('reports every problem on every row, not just the first', async () => {
    const result = await validate(
      [
        HEADER,
        GOOD_ROW,
        ',A99,,P1,Contractor,Public Law,Goodish,Maybe,,,Great,', // five problems on one row
        'C3,A1,Nowhere,P1,Employed,Public Law,Good,Seen,,,,Bad', // two problems
        GOOD_ROW.replace('C1', 'C4'),
      ].join('\n'),
    );
    expect(result.problems).toEqual([
      { line: 3, column: 'case_ref', reason: 'is required' },
      { line: 3, column: 'service_area', reason: 'unknown service area "A99"' },
      { line: 3, column: 'employment', reason: 'must be Employed or Agency, not "Contractor"' },
      {
        line: 3,
        column: 'overall_grade',
        reason: `"Goodish" is not a grade on this audit's scale (Good, Met, Not Met)`,
      },
      {
        line: 3,
        column: 'children_seen',
        reason:
          'must be Seen, Not seen - reason recorded, Not seen - no reason recorded, Unclear or Not applicable, not "Maybe"',
      },
      {
        line: 3,
        column: 'planning',
        reason: `"Great" is not a grade on this audit's scale (Good, Met, Not Met)`,
      },
      { line: 4, column: 'team', reason: 'no team "Nowhere" in service area A1' },
      { line: 4, column: 'voice', reason: `"Bad" is not a grade on this audit's scale (Good, Met, Not Met)` },
    ]);
    expect(result.rows).toEqual([]);
  });

  it('reports an empty file body', async () => {
    expect((await validate(HEADER)).problems).toEqual([
      { line: 2, column: '-', reason: 'the file has no rows' },
    ]);
  });

  it('refuses too many rows as one problem', () => {
    const header = HEADER.split(',');
    const cells = GOOD_ROW.split(',');
    const rows = Array.from({ length: MAX_RESULT_ROWS + 1 }, (_, index) => ({ line: index + 2, cells }));
    expect(validateResults({ header, rows }, lookup)).toEqual({
      problems: [
        {
          line: MAX_RESULT_ROWS + 2,
          column: '-',
          reason: 'too many rows (200,001; at most 200,000 per file)',
        },
      ],
      kind: 'NATIONAL_PRACTICE_QUALITY',
      rows: [],
      unknownPractitioners: [],
    });
  });

  it('checks 100,000 rows in well under two seconds', () => {
    const header = HEADER.split(',');
    const rows = Array.from({ length: 100_000 }, (_, index) => ({
      line: index + 2,
      cells: [
        `C${index}`,
        index % 2 ? 'A1' : 'a15 public',
        index % 2 ? 'A1 North' : 'Central',
        `N${index % 1000}`,
        'Employed',
        'Public Law',
        'Good',
        'Not seen – reason recorded',
        'Band 2',
        'no',
        'Met',
        '',
      ],
    }));
    const started = performance.now();
    const result = validateResults({ header, rows }, lookup);
    const elapsed = performance.now() - started;
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(100_000);
    expect(result.unknownPractitioners).toHaveLength(1000);
    expect(elapsed).toBeLessThan(2000);
  });
});
