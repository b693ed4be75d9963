import { describe, expect, it } from 'vitest';
import { readCsv } from '@/lib/csv/read-csv';
import {
  MAX_IMPORT_ROWS,
  teamKey,
  validatePractitionerRows,
  type OrganisationLookup,
} from '@/lib/domain/practitioner-import';

const lookup: OrganisationLookup = {
  areaCodes: new Set(['a1', 'a15 public']),
  teamIdByAreaAndName: new Map([
    [teamKey('A1', 'A1 North'), 'team-a1-north'],
    [teamKey('A15 Public', 'Central'), 'team-a15'],
  ]),
  userIdByEmail: new Map([['manager@example.org', 'user-manager']]),
};

async function validate(csv: string) {
  const read = await readCsv(csv, { maxRows: MAX_IMPORT_ROWS });
  if (!read.ok) throw new Error(read.reason);
  return validatePractitionerRows(read.table.header, read.table.rows, lookup);
}

const HEADER = 'reference,name,service_area,team,employment,performance_band,manager_email';

describe('validatePractitionerRows', () => {
  it('accepts good rows, matching area, team and employment without regard to case', async () => {
    const result = await validate(
      `${HEADER}\nP1,Ann Lee,a1,a1 north,employed,2,MANAGER@example.org\nP2,Bo Chan,A15 Public,Central,Agency,,`,
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        reference: 'P1',
        name: 'Ann Lee',
        teamId: 'team-a1-north',
        employment: 'EMPLOYED',
        performanceBand: '2',
        managerId: 'user-manager',
      },
      {
        line: 3,
        reference: 'P2',
        name: 'Bo Chan',
        teamId: 'team-a15',
        employment: 'AGENCY',
        performanceBand: null,
        managerId: null,
      },
    ]);
  });

  it('reports every bad row with line, column and reason, and returns no rows', async () => {
    const long = 'x'.repeat(10_000);
    const csv = [
      HEADER,
      'P1,Ann Lee,A1,A1 North,Employed,1,', // good
      'P2,Bob,A99,A1 North,Employed,1,', // unknown area
      'P1,Ann Again,A1,A1 North,Employed,1,', // duplicate reference
      'P3,,A1,A1 North,Employed,1,', // empty name
      `P4,${long},A1,A1 North,Employed,1,`, // 10,000 characters
      'P5,=cmd|calc,A1,A1 North,Employed,1,', // formula
      'P6,Cara,A1,No Such Team,Contractor,1,nobody@example.org', // three problems
    ].join('\n');
    const result = await validate(csv);
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      { line: 3, column: 'service_area', reason: 'unknown service area "A99"' },
      { line: 4, column: 'reference', reason: 'duplicate reference "P1" (first on line 2)' },
      { line: 5, column: 'name', reason: 'is required' },
      { line: 6, column: 'name', reason: 'is too long (10,000 characters; at most 200)' },
      {
        line: 7,
        column: 'name',
        reason: 'starts with = + - or @, which a spreadsheet would run as a formula',
      },
      { line: 8, column: 'team', reason: 'no team "No Such Team" in service area A1' },
      { line: 8, column: 'employment', reason: 'must be Employed or Agency, not "Contractor"' },
      { line: 8, column: 'manager_email', reason: 'no user with email "nobody@example.org"' },
    ]);
  });

  it('refuses control and invisible characters', async () => {
    const result = await validate(
      `${HEADER}\nP1,Ann\u202ELee,A1,A1 North,Employed,,\nP2,Bo\u0000b,A1,A1 North,Employed,,`,
    );
    expect(result.problems.map((problem) => [problem.line, problem.reason])).toEqual([
      [2, 'contains control or invisible characters'],
      [3, 'contains control or invisible characters'],
    ]);
  });

  it('reports a missing or duplicated header column', async () => {
    expect((await validate('reference,name,service_area,team\nP1,A,A1,A1 North')).problems).toEqual([
      { line: 1, column: 'employment', reason: 'required column is missing from the header' },
    ]);
    expect((await validate(`${HEADER},name\nP1,A,A1,A1 North,Employed,,,B`)).problems[0]?.reason).toMatch(
      /appears twice/,
    );
  });

  it('reports an empty file body', async () => {
    expect((await validate(HEADER)).problems).toEqual([
      { line: 2, column: '-', reason: 'the file has no practitioner rows' },
    ]);
  });

  it('counts lines from where a record starts, across quoted newlines', async () => {
    const result = await validate(
      `${HEADER}\nP1,"Ann\nLee",A1,A1 North,Employed,,\nP2,Bo,A9,A1 North,Employed,,`,
    );
    // P1's name has a newline: a multi-line name is refused, P2 starts on line 4.
    expect(result.problems).toEqual([
      { line: 2, column: 'name', reason: 'contains control or invisible characters' },
      { line: 4, column: 'service_area', reason: 'unknown service area "A9"' },
    ]);
  });
});

describe('readCsv', () => {
  it('strips a byte-order mark and reads Windows-1252 text', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name\nZoë')]);
    const utf8 = await readCsv(bytes, { maxRows: MAX_IMPORT_ROWS });
    expect(utf8.ok && utf8.table).toEqual({ header: ['name'], rows: [{ line: 2, cells: ['Zoë'] }] });
    const cp1252 = await readCsv(new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb]), {
      maxRows: MAX_IMPORT_ROWS,
    }); // "Zoë" in Windows-1252
    expect(cp1252.ok && cp1252.table.rows[0]?.cells).toEqual(['Zoë']);
  });

  it('refuses empty, oversized and malformed files with a reason', async () => {
    expect(await readCsv('', { maxRows: MAX_IMPORT_ROWS })).toEqual({
      ok: false,
      reason: 'The file is empty.',
    });
    expect(await readCsv('a'.repeat(5 * 1024 * 1024 + 1), { maxRows: MAX_IMPORT_ROWS })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too large/) as unknown,
    });
    expect(await readCsv('a,b\n"unterminated,x', { maxRows: MAX_IMPORT_ROWS })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not valid CSV/) as unknown,
    });
  });
});
