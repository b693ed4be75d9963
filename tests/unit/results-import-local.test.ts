import { describe, expect, it } from 'vitest';
import { readCsv } from '@/lib/csv/read-csv';
import { MAX_RESULT_ROWS, validateResults, type ResultsLookup } from '@/lib/domain/results-import';

// Past local audits through the results import (issue 17 §8): kind, auditor,
// date and the QA indicators, checked per row; existing files keep working.
const lookup: ResultsLookup = {
  levels: [
    { key: 'good', label: 'Good' },
    { key: 'met', label: 'Met' },
    { key: 'not_met', label: 'Not Met' },
  ],
  sectionKeys: [],
  serviceAreaIdByCode: new Map([['a1', 'area-a1']]),
  teamIdByAreaAndName: new Map(),
  practitionerByReference: new Map([
    ['p1', { id: 'prac-p1', serviceAreaId: 'area-a1', employment: 'EMPLOYED' as const }],
  ]),
  caseRefsAlreadyInAudit: new Set(),
  auditKind: null,
  userIdByEmail: new Map([
    ['sm.a1@example.org', 'user-sm'],
    ['hop.a1@example.org', 'user-hop'],
  ]),
  today: '2024-01-31',
};

const HEADER =
  'case_ref,service_area,practitioner_ref,employment,law_type,overall_grade,children_seen,kind,auditor,date,' +
  'collaborative,family_feedback,oversight_expected,oversight_recorded,supervision_recorded,supervision_impact';

async function validate(rows: string[], overrides: Partial<ResultsLookup> = {}) {
  const read = await readCsv([HEADER, ...rows].join('\n'), { maxRows: MAX_RESULT_ROWS });
  if (!read.ok) throw new Error(read.reason);
  return validateResults(read.table, { ...lookup, ...overrides });
}

const row = (cells: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    case_ref: 'L1',
    service_area: 'A1',
    practitioner_ref: 'P1',
    employment: 'Employed',
    law_type: 'Public Law',
    overall_grade: 'Good',
    children_seen: 'Seen',
    kind: 'Local quality and impact',
    auditor: 'SM.A1@example.org',
    date: '2023-06-14',
    collaborative: 'yes',
    family_feedback: 'no',
    oversight_expected: 'yes',
    oversight_recorded: 'yes',
    supervision_recorded: 'yes',
    supervision_impact: 'no',
    ...cells,
  };
  return HEADER.split(',')
    .map((column) => values[column] ?? '')
    .join(',');
};

describe('importing past local audits', () => {
  it('reads kind, auditor, date and the indicators of each row', async () => {
    const result = await validate([
      row(),
      row({
        case_ref: 'L2',
        kind: 'LOCAL_QUALITY_IMPACT',
        auditor: '',
        date: '',
        collaborative: '',
        family_feedback: 'Y',
        oversight_expected: 'no',
        oversight_recorded: 'No',
        supervision_recorded: 'no',
        supervision_impact: '',
      }),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.kind).toBe('LOCAL_QUALITY_IMPACT');
    expect(
      result.rows.map(({ caseRef, auditorId, auditedOn, qa }) => ({ caseRef, auditorId, auditedOn, qa })),
    ).toEqual([
      {
        caseRef: 'L1',
        auditorId: 'user-sm',
        auditedOn: '2023-06-14',
        qa: {
          collaborative: true,
          familyFeedback: false,
          managementOversightExpected: true,
          managementOversight: true,
          supervision: true,
          supervisionImpact: false,
        },
      },
      {
        caseRef: 'L2',
        auditorId: null,
        auditedOn: null,
        qa: {
          collaborative: null,
          familyFeedback: true,
          managementOversightExpected: false,
          managementOversight: false,
          supervision: false,
          supervisionImpact: null,
        },
      },
    ]);
  });

  it.each([
    ['Performance board', 'PERFORMANCE_BOARD'],
    ['national practice quality', 'NATIONAL_PRACTICE_QUALITY'],
    ['Local quality & impact', 'LOCAL_QUALITY_IMPACT'],
    ['', 'NATIONAL_PRACTICE_QUALITY'],
  ])('reads the kind "%s" as %s', async (kind, expected) => {
    const result = await validate([row({ kind })]);
    expect(result.problems).toEqual([]);
    expect(result.kind).toBe(expected);
  });

  it('keeps an existing audit’s kind when the file names none', async () => {
    const result = await validate([row({ kind: '' })], { auditKind: 'PERFORMANCE_BOARD' });
    expect(result.kind).toBe('PERFORMANCE_BOARD');
  });

  it.each([
    [
      { kind: 'thematic' },
      'kind',
      'must be Local quality and impact, National practice quality or Performance board, not "thematic"',
    ],
    [{ auditor: 'nobody@example.org' }, 'auditor', 'no active user has the email "nobody@example.org"'],
    [{ date: '14/06/2023' }, 'date', 'must be the date audited, written yyyy-mm-dd, not "14/06/2023"'],
    [{ date: '2023-02-30' }, 'date', 'must be the date audited, written yyyy-mm-dd, not "2023-02-30"'],
    [{ date: '2024-02-01' }, 'date', 'the audit date 2024-02-01 is in the future'],
    [{ collaborative: 'maybe' }, 'collaborative', 'must be yes, no or blank, not "maybe"'],
    [{ oversight_recorded: '=1+1' }, 'oversight_recorded', undefined],
    [
      { supervision_recorded: 'no', supervision_impact: 'yes' },
      'supervision_impact',
      'whether supervision had an impact applies only when supervision_recorded is yes',
    ],
    [
      { supervision_recorded: '', supervision_impact: 'no' },
      'supervision_impact',
      'whether supervision had an impact applies only when supervision_recorded is yes',
    ],
  ])('refuses %o at its row and column', async (cells, column, reason) => {
    const result = await validate([row({ case_ref: 'OK' }), row(cells)]);
    expect(result.rows).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ line: 3, column, ...(reason ? { reason } : {}) });
  });

  it('takes one kind of audit per file', async () => {
    const result = await validate([row(), row({ case_ref: 'L2', kind: 'Performance board' })]);
    expect(result.problems).toEqual([
      {
        line: 3,
        column: 'kind',
        reason:
          'one kind of audit per file: line 2 is a local quality and impact audit, this row a performance board audit',
      },
    ]);
  });

  it('refuses rows of another kind than the audit they go into', async () => {
    const result = await validate([row()], { auditKind: 'NATIONAL_PRACTICE_QUALITY' });
    expect(result.problems).toEqual([
      {
        line: 2,
        column: 'kind',
        reason: 'the audit is a national practice quality audit, not a local quality and impact audit',
      },
    ]);
  });
});
