import { describe, expect, it } from 'vitest';
import { readCsv } from '@/lib/csv/read-csv';
import {
  MAX_RECOMMENDATION_IMPORT_ROWS,
  validateRecommendationRows,
  type RecommendationImportLookup,
} from '@/lib/domain/recommendation-import';

const lookup: RecommendationImportLookup = {
  sourceIdByTitle: new Map([['ofsted inspection, march 2014: action plan', 'source-ofsted']]),
  areaIdByCode: new Map([
    ['a4', 'area-a4'],
    ['a5', 'area-a5'],
  ]),
  userIdByEmail: new Map([['ssm@example.org', 'user-ssm']]),
};

const HEADER =
  'source_title,source_kind,issued_by,issued_on,scale,source_area,document,number,text,kind,scope_areas,law_types,owner_email,due_on';

async function validate(csv: string) {
  const read = await readCsv(csv, { maxRows: MAX_RECOMMENDATION_IMPORT_ROWS });
  if (!read.ok) throw new Error(read.reason);
  return validateRecommendationRows(read.table.header, read.table.rows, lookup);
}

describe('validateRecommendationRows', () => {
  it('creates a new source from its first row and adds to an existing one by title alone', async () => {
    const result = await validate(
      [
        HEADER,
        'A4 plan,Area improvement plan,Service area A4,01/04/2014,met / ongoing,A4,,1,Raise Good to 60%,,A4,,SSM@example.org,2015-03-31',
        'A4 plan,,,,,,,2,"Reduce Not Met, below 14%",Practice improvement point,A4,Public Law; Private Law WAFH,,',
        '"ofsted inspection, march 2014: action plan",,,,,,,13,Improve the % Good in Private Law WAFH in A5,,A5,private law wafh,,',
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result.sources).toEqual([
      {
        title: 'A4 plan',
        kind: 'AREA_IMPROVEMENT_PLAN',
        issuedBy: 'Service area A4',
        issuedOn: '2014-04-01',
        scale: 'MET_ONGOING',
        serviceAreaId: 'area-a4',
        document: '',
      },
    ]);
    expect(result.recommendations).toEqual([
      {
        line: 2,
        sourceTitle: 'A4 plan',
        number: '1',
        text: 'Raise Good to 60%',
        kind: 'RECOMMENDATION',
        serviceAreaIds: ['area-a4'],
        lawTypes: [],
        ownerId: 'user-ssm',
        dueOn: '2015-03-31',
      },
      {
        line: 3,
        sourceTitle: 'A4 plan',
        number: '2',
        text: 'Reduce Not Met, below 14%',
        kind: 'PRACTICE_IMPROVEMENT_POINT',
        serviceAreaIds: ['area-a4'],
        lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH'],
        ownerId: null,
        dueOn: null,
      },
      {
        line: 4,
        sourceTitle: 'ofsted inspection, march 2014: action plan',
        number: '13',
        text: 'Improve the % Good in Private Law WAFH in A5',
        kind: 'RECOMMENDATION',
        serviceAreaIds: ['area-a5'],
        lawTypes: ['PRIVATE_LAW_WAFH'],
        ownerId: null,
        dueOn: null,
      },
    ]);
  });

  it('names the line and column of every problem, and keeps nothing', async () => {
    const result = await validate(
      [
        HEADER,
        'New review,Audit,,2014-02-30,sometimes,,,1,Text,Suggestion,A99,Family law,nobody@example.org,tomorrow',
        'New review,,,,,,,1,Again,,,,,',
        'Plan without area,Area improvement plan,A4,2014-04-01,met / ongoing,,,1,Text,,,,,',
        '"ofsted inspection, march 2014: action plan",,,,,,,=1+1,@SUM(A1),,,,,',
      ].join('\n'),
    );
    expect(result.sources).toEqual([]);
    expect(result.recommendations).toEqual([]);
    const at = (line: number) =>
      result.problems.filter((problem) => problem.line === line).map((problem) => problem.column);
    expect(at(2)).toEqual(
      expect.arrayContaining([
        'source_kind',
        'issued_by',
        'issued_on',
        'scale',
        'kind',
        'scope_areas',
        'law_types',
        'owner_email',
        'due_on',
      ]),
    );
    expect(result.problems).toContainEqual({
      line: 2,
      column: 'scope_areas',
      reason: 'unknown service area "A99"',
    });
    expect(result.problems).toContainEqual({
      line: 3,
      column: 'number',
      reason: '"New review" has recommendation 1 twice (first on line 2)',
    });
    expect(result.problems).toContainEqual({
      line: 4,
      column: 'source_area',
      reason: 'An area improvement plan belongs to one service area: choose it',
    });
    expect(at(5)).toEqual(['number', 'text']);
    expect(result.problems.find((problem) => problem.line === 5)?.reason).toMatch(/formula/);
  });

  it('refuses a later row that describes a new source differently', async () => {
    const result = await validate(
      [
        HEADER,
        'Review,Review,Ofsted,2014-01-01,met / ongoing,,,1,One,,,,,',
        'Review,Review,HMI,,,,,2,Two,,,,,',
      ].join('\n'),
    );
    expect(result.problems).toEqual([
      {
        line: 3,
        column: 'source_title',
        reason:
          'describes "Review" differently from line 2; leave the source columns blank or make them agree',
      },
    ]);
  });

  it('checks the header: required columns and duplicates', async () => {
    const result = await validate('source_title,number,number\nx,1,2');
    expect(result.problems).toEqual([
      { line: 1, column: 'number', reason: 'column "number" appears twice (column 3)' },
      { line: 1, column: 'text', reason: 'required column is missing from the header' },
    ]);
  });

  it('refuses an empty file and too many rows', async () => {
    expect((await validate(HEADER)).problems[0]?.reason).toBe('the file has no recommendation rows');
    const rows = Array.from({ length: MAX_RECOMMENDATION_IMPORT_ROWS + 1 }, (_, i) => ({
      line: i + 2,
      cells: [],
    }));
    expect(validateRecommendationRows(HEADER.split(','), rows, lookup).problems[0]?.reason).toMatch(
      /too many rows/,
    );
  });
});
