import { describe, expect, it } from 'vitest';
import {
  actingAs,
  createPractitioner,
  createServiceArea,
  createTeam,
  createThresholdVersion,
  unique,
} from '../factories';
import { databaseFingerprint } from '../support/fingerprint';
import { deflatedZeros, xlsxWithSheet } from '../support/zip';
import { importPractitionersAction } from '@/lib/actions/admin-practitioners';
import { importCaseIndexAction } from '@/lib/actions/case-files';
import { importResultsAction } from '@/lib/actions/reports';
import { NATIONAL_THRESHOLD_OCTOBER_2014 } from '../../prisma/seed/thresholds';

const CASE_HEADER =
  'case_reference,service_area,team,practitioner_ref,law_type,document_type,filed_date,eit,subject_children';
const RESULTS_HEADER =
  'case_ref,service_area,practitioner_ref,employment,law_type,overall_grade,children_seen';
const base64 = (text: string) => Buffer.from(text).toString('base64');
// Either side of each 5,000-reference batch boundary, and the last reference.
const EXISTING_AT = [0, 4_999, 5_000, 9_999, 10_000, 11_999];
const MB = 1024 * 1024;

describe('reference look-ups in batches', () => {
  it('checks a case-file index naming 12,000 cases, finding the cases already indexed in every batch', async () => {
    const { act } = await actingAs('IMPROVEMENT_ASSISTANT');
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const first = await createPractitioner(team.id);
    const second = await createPractitioner(team.id);
    const prefix = unique('B');
    const row = (index: number, practitioner: string) =>
      `${prefix}-${index},${area.code},,${practitioner},Public Law,report,2014-10-01,no,2`;
    const existing = [CASE_HEADER, ...EXISTING_AT.map((index) => row(index, first.reference))].join('\n');
    expect(
      await act(() =>
        importCaseIndexAction({ fileName: 'first.csv', contentBase64: base64(existing), commit: true }),
      ),
    ).toMatchObject({ ok: true, data: { status: 'imported', casesAdded: 6 } });

    const all = [CASE_HEADER, ...Array.from({ length: 12_000 }, (_, index) => row(index, second.reference))];
    const before = await databaseFingerprint();
    const result = await act(() =>
      importCaseIndexAction({ fileName: 'all.csv', contentBase64: base64(all.join('\n')), commit: false }),
    );
    if (!result.ok || result.data.status !== 'problems') throw new Error(JSON.stringify(result));
    expect(result.data.rowCount).toBe(12_000);
    expect(result.data.problems).toEqual(
      EXISTING_AT.map((index) => ({
        line: index + 2,
        column: 'practitioner_ref',
        reason: `case ${prefix}-${index} is already in the index with a different practitioner`,
      })),
    );
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('checks past results naming 12,000 cases, finding the cases already in the audit in every batch', async () => {
    // A new results audit goes on the latest published Good / Met / Not Met document.
    await createThresholdVersion({ content: NATIONAL_THRESHOLD_OCTOBER_2014 });
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const practitioner = await createPractitioner(team.id);
    const auditName = unique('National Audit March 2013');
    const prefix = unique('R');
    const row = (index: number) =>
      `${prefix}-${index},${area.code},${practitioner.reference},Employed,Public Law,Good,Seen`;
    const input = (rows: string[], commit: boolean) => ({
      auditName,
      fileName: 'results.csv',
      contentBase64: base64([RESULTS_HEADER, ...rows].join('\n')),
      commit,
      createPractitioners: false,
    });
    expect(await lead.act(() => importResultsAction(input(EXISTING_AT.map(row), true)))).toMatchObject({
      ok: true,
      data: { status: 'imported', cases: 6, auditCreated: true },
    });

    const before = await databaseFingerprint();
    const rows = Array.from({ length: 12_000 }, (_, index) => row(index));
    const result = await lead.act(() => importResultsAction(input(rows, false)));
    if (!result.ok || result.data.status !== 'problems') throw new Error(JSON.stringify(result));
    expect(result.data.problems).toEqual(
      EXISTING_AT.map((index) => ({
        line: index + 2,
        column: 'case_ref',
        reason: `case "${prefix}-${index}" already has a result in this audit`,
      })),
    );
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe('import limits through the server actions', () => {
  const tooMany = (cap: string) => [
    {
      line: 1,
      column: '-',
      reason: `The file has more than ${cap} rows; split it into files of at most ${cap} rows each.`,
    },
  ];

  it('refuses a case-file index of 200,001 rows with the split message, writing nothing', async () => {
    const { act } = await actingAs('IMPROVEMENT_ASSISTANT');
    const csv = [CASE_HEADER, ...Array.from({ length: 200_001 }, (_, index) => `C${index},A1`)].join('\n');
    const before = await databaseFingerprint();
    const result = await act(() =>
      importCaseIndexAction({ fileName: 'index.csv', contentBase64: base64(csv), commit: true }),
    );
    expect(result).toEqual({
      ok: true,
      data: { status: 'problems', rowCount: 0, problemCount: 1, problems: tooMany('200,000') },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses past results of 200,001 rows with the split message, writing nothing', async () => {
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const csv = [RESULTS_HEADER, ...Array.from({ length: 200_001 }, (_, index) => `R${index},A1`)].join('\n');
    const before = await databaseFingerprint();
    const result = await lead.act(() =>
      importResultsAction({
        auditName: unique('Audit'),
        fileName: 'results.csv',
        contentBase64: base64(csv),
        commit: true,
        createPractitioners: true,
      }),
    );
    expect(result).toEqual({
      ok: true,
      data: { status: 'problems', rowCount: 0, problemCount: 1, problems: tooMany('200,000') },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses a practitioner file of 20,001 rows with the split message, writing nothing', async () => {
    const admin = await actingAs('ADMIN');
    const csv = [
      'reference,name,service_area,team,employment',
      ...Array.from({ length: 20_001 }, (_, index) => `P${index},Name,A1,North,Employed`),
    ].join('\n');
    const before = await databaseFingerprint();
    const result = await admin.act(() => importPractitionersAction({ csv, commit: true }));
    expect(result).toEqual({
      ok: true,
      data: { status: 'problems', rowCount: 0, problems: tooMany('20,000') },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses an XLSX zip bomb, honest or lying about its size, before exceljs opens it, writing nothing', async () => {
    const { act } = await actingAs('IMPROVEMENT_ASSISTANT');
    const zeros = await deflatedZeros('sheet', 200 * MB);
    const before = await databaseFingerprint();
    const started = performance.now();
    const honest = await act(() =>
      importCaseIndexAction({
        fileName: 'index.xlsx',
        contentBase64: xlsxWithSheet(zeros).toString('base64'),
        commit: true,
      }),
    );
    const lying = await act(() =>
      importCaseIndexAction({
        fileName: 'index.xlsx',
        contentBase64: xlsxWithSheet({ ...zeros, declaredSize: 4096 }).toString('base64'),
        commit: true,
      }),
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(honest).toMatchObject({
      ok: true,
      data: {
        status: 'problems',
        problems: [
          {
            reason:
              'The workbook unpacks to more than 50 MB, the most an import reads; save it as CSV, or split it into smaller files.',
          },
        ],
      },
    });
    expect(lying).toMatchObject({
      ok: true,
      data: {
        status: 'problems',
        problems: [
          { reason: 'The workbook’s parts do not unpack to the sizes it declares, so it was not opened.' },
        ],
      },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
