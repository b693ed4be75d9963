import { describe, expect, it } from 'vitest';
import { CASE_INDEX_COLUMNS, validateCaseIndex } from '@/lib/domain/case-file-import';
import { teamKey, validatePractitionerRows } from '@/lib/domain/practitioner-import';
import { validateResults } from '@/lib/domain/results-import';
import { looksLikeFormula } from '@/lib/domain/text';

const FORMULA = 'starts with = + - or @, which a spreadsheet would run as a formula';
// Each is stored trimmed, so each would reach an export as a live formula.
const HIDDEN_FORMULAS = [
  ' =HYPERLINK("http://evil.example","Open")',
  '   +1+1',
  '\u00A0-2+3',
  ' @SUM(1)',
  '\t=1',
  '\r=1',
  '\n=1',
  ' \t\r =1',
  '\u2003=1', // em space
];

describe('looksLikeFormula', () => {
  it.each(HIDDEN_FORMULAS)('sees a formula behind leading whitespace: %j', (value) => {
    expect(looksLikeFormula(value)).toBe(true);
    expect(looksLikeFormula(value.trim())).toBe(true);
  });

  it.each(['=1', '+1', '-1', '@x', '\tplain', '\rplain'])('sees a formula at the start: %j', (value) => {
    expect(looksLikeFormula(value)).toBe(true);
  });

  it.each(['Ann Lee', 'a=b', 'C-1', 'report (=final)', '', ' ', 'Zoë @ home'])(
    'leaves ordinary text alone: %j',
    (value) => {
      expect(looksLikeFormula(value)).toBe(false);
    },
  );
});

describe('every import refuses a formula hidden behind leading whitespace', () => {
  it.each(HIDDEN_FORMULAS)('case-file index, document_type %j', (value) => {
    const header = [...CASE_INDEX_COLUMNS];
    const cells = ['C1', 'A1', '', 'P1', 'Public Law', value, '2014-10-01', 'no', '2'];
    const result = validateCaseIndex(header, [{ line: 2, cells }], {
      today: '2026-11-26',
      serviceAreaIdByCode: new Map([['a1', 'area-a1']]),
      teamIdByAreaAndName: new Map(),
      practitionerByReference: new Map([['p1', { id: 'prac-p1', serviceAreaId: 'area-a1', areaCode: 'A1' }]]),
      existingCaseByReference: new Map(),
    });
    expect(result.problems).toEqual([{ line: 2, column: 'document_type', reason: FORMULA }]);
    expect(result.documents).toEqual([]);
  });

  it.each(HIDDEN_FORMULAS)('practitioners, name %j', (value) => {
    const header = ['reference', 'name', 'service_area', 'team', 'employment'];
    const result = validatePractitionerRows(
      header,
      [{ line: 2, cells: ['P1', value, 'A1', 'A1 North', 'Employed'] }],
      {
        areaCodes: new Set(['a1']),
        teamIdByAreaAndName: new Map([[teamKey('A1', 'A1 North'), 'team-a1-north']]),
        userIdByEmail: new Map(),
      },
    );
    expect(result.problems).toEqual([{ line: 2, column: 'name', reason: FORMULA }]);
    expect(result.rows).toEqual([]);
  });

  it.each(HIDDEN_FORMULAS)('past results, case_ref %j', (value) => {
    const header = [
      'case_ref',
      'service_area',
      'practitioner_ref',
      'employment',
      'law_type',
      'overall_grade',
      'children_seen',
    ];
    const result = validateResults(
      { header, rows: [{ line: 2, cells: [value, 'A1', 'P1', 'Employed', 'Public Law', 'Good', 'Seen'] }] },
      {
        levels: [{ key: 'good', label: 'Good' }],
        sectionKeys: [],
        serviceAreaIdByCode: new Map([['a1', 'area-a1']]),
        teamIdByAreaAndName: new Map(),
        practitionerByReference: new Map([
          ['p1', { id: 'prac-p1', serviceAreaId: 'area-a1', employment: 'EMPLOYED' }],
        ]),
        caseRefsAlreadyInAudit: new Set(),
      },
    );
    expect(result.problems).toEqual([{ line: 2, column: 'case_ref', reason: FORMULA }]);
    expect(result.rows).toEqual([]);
  });
});
