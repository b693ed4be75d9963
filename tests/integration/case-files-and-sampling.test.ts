import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  createPractitioner,
  createSamplingAudit,
  createServiceArea,
  createTeam,
  createUser,
  sampledCases,
  signedInAs,
  unique,
} from '../factories';
import { databaseFingerprint } from '../support/fingerprint';
import { runWithSessionToken } from '@/lib/auth/actor';
import { importCaseIndexAction } from '@/lib/actions/case-files';
import { MESSAGES } from '@/lib/actions/run';
import {
  autoAssignAction,
  drawSampleAction,
  lockSampleAction,
  reassignCaseAction,
  replaceSampledCaseAction,
} from '@/lib/actions/sampling';
import { db } from '@/lib/db/client';
import { findAuditorQueue } from '@/lib/db/queue';

const HEADER =
  'case_reference,service_area,team,practitioner_ref,law_type,document_type,filed_date,eit,subject_children';
const base64 = (text: string) => Buffer.from(text).toString('base64');

async function as(role: 'IMPROVEMENT_ASSISTANT' | 'SENIOR_SERVICE_MANAGER') {
  const user = await createUser(role);
  const token = await signedInAs(user.id);
  return <T>(fn: () => Promise<T>) => runWithSessionToken(token, fn);
}

describe('case-file index import', () => {
  it('reports every bad row with line, column and reason, and writes nothing', async () => {
    const act = await as('IMPROVEMENT_ASSISTANT');
    const area = await createServiceArea();
    const other = await createServiceArea();
    const team = await createTeam(area.id);
    const practitioner = await createPractitioner(team.id);
    const p = practitioner.reference;
    const c = unique('C');
    const csv = [
      HEADER,
      `${c},${area.code},${team.name},${p},Public Law,report,2014-10-01,no,2`, // good
      `${unique('C')},NOWHERE,,${p},Public Law,report,2014-10-01,no,2`,
      `${unique('C')},${area.code},,UNKNOWN-P,Public Law,report,2014-10-01,no,2`,
      `${unique('C')},${other.code},,${p},Public Law,report,2014-10-01,no,2`,
      `${unique('C')},${area.code},,${p},Family Law,report,2014-10-01,no,2`,
      `${unique('C')},${area.code},,${p},Public Law,report,2024-02-30,no,2`,
      `${unique('C')},${area.code},,${p},Public Law,report,2099-01-01,no,2`,
      `${c},${area.code},${team.name},${p},Public Law,report,2014-10-01,no,2`, // duplicate of line 2
      `${unique('C')},${area.code},,${p},Public Law,report,2014-10-01,maybe,x`,
      `${c},${area.code},,${p},Private Law WAFH,letter,2014-10-02,no,2`, // same case, another law type
      `${unique('C')},${area.code},,${p},Public Law,=cmd|calc,2014-10-01,no,2`,
    ].join('\n');
    const before = await databaseFingerprint();
    const result = await act(() =>
      importCaseIndexAction({ fileName: 'index.csv', contentBase64: base64(csv), commit: true }),
    );
    if (!result.ok || result.data.status !== 'problems') throw new Error(JSON.stringify(result));
    expect(result.data.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [3, 'service_area'],
      [4, 'practitioner_ref'],
      [5, 'practitioner_ref'],
      [6, 'law_type'],
      [7, 'filed_date'],
      [8, 'filed_date'],
      [9, '-'],
      [10, 'eit'],
      [10, 'subject_children'],
      [11, 'law_type'],
      [12, 'document_type'],
    ]);
    expect(result.data.problems[2]?.reason).toMatch(/works in .*, not/);
    expect(result.data.problems[4]?.reason).toBe(
      '"2024-02-30" is not a real date (use yyyy-mm-dd or dd/mm/yyyy)',
    );
    expect(result.data.problems[5]?.reason).toBe('2099-01-01 is in the future');
    expect(result.data.problems[6]?.reason).toBe(
      'duplicate of line 2: the same document of the same case filed on the same day',
    );
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('checks without writing, commits all rows once, and changes nothing on re-import', async () => {
    const act = await as('IMPROVEMENT_ASSISTANT');
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const practitioner = await createPractitioner(team.id);
    const [c1, c2] = [unique('C'), unique('C')];
    const csv = `\uFEFF${HEADER}\r\n${c1},${area.code},${team.name},${practitioner.reference},Public Law,report,01/10/2014,no,2\r\n${c1},${area.code},,${practitioner.reference},Public Law,final report,2014-10-20,no,2\r\n${c2},${area.code},,${practitioner.reference},Private Law WTFH,safeguarding letter,2014-09-15,yes,1\r\n`;
    const before = await databaseFingerprint();
    expect(
      await act(() =>
        importCaseIndexAction({ fileName: 'index.csv', contentBase64: base64(csv), commit: false }),
      ),
    ).toEqual({ ok: true, data: { status: 'checked', rowCount: 3, caseCount: 2 } });
    expect(await databaseFingerprint()).toEqual(before);
    expect(
      await act(() =>
        importCaseIndexAction({ fileName: 'index.csv', contentBase64: base64(csv), commit: true }),
      ),
    ).toEqual({
      ok: true,
      data: { status: 'imported', rowCount: 3, casesAdded: 2, documentsAdded: 3, documentsAlreadyPresent: 0 },
    });
    const afterFirst = await databaseFingerprint();
    expect(
      await act(() =>
        importCaseIndexAction({ fileName: 'index.csv', contentBase64: base64(csv), commit: true }),
      ),
    ).toEqual({
      ok: true,
      data: { status: 'imported', rowCount: 3, casesAdded: 0, documentsAdded: 0, documentsAlreadyPresent: 3 },
    });
    expect(await databaseFingerprint()).toEqual(afterFirst);
    const stored = await db().caseFile.findUniqueOrThrow({
      where: { reference: c1 },
      select: { teamId: true, documents: { select: { filedOn: true }, orderBy: { filedOn: 'asc' } } },
    });
    expect(stored.documents.map((document) => document.filedOn.toISOString().slice(0, 10))).toEqual([
      '2014-10-01',
      '2014-10-20',
    ]);
  });

  it('reads XLSX, and refuses a case already in the index with another practitioner', async () => {
    const act = await as('IMPROVEMENT_ASSISTANT');
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const first = await createPractitioner(team.id);
    const second = await createPractitioner(team.id);
    const reference = unique('X');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Index');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      reference,
      area.code,
      team.name,
      first.reference,
      'Public Law',
      'report',
      new Date('2014-10-03T00:00:00Z'),
      'no',
      2,
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(
      await act(() => importCaseIndexAction({ fileName: 'index.xlsx', contentBase64: xlsx, commit: true })),
    ).toMatchObject({ ok: true, data: { status: 'imported', casesAdded: 1, documentsAdded: 1 } });
    const clash = `${HEADER}\n${reference},${area.code},,${second.reference},Public Law,letter,2014-10-04,no,2\n`;
    const result = await act(() =>
      importCaseIndexAction({ fileName: 'again.csv', contentBase64: base64(clash), commit: true }),
    );
    expect(result).toMatchObject({
      ok: true,
      data: {
        status: 'problems',
        problems: [
          {
            line: 2,
            column: 'practitioner_ref',
            reason: `case ${reference} is already in the index with a different practitioner`,
          },
        ],
      },
    });
  });

  it('refuses a file that is not CSV or XLSX, or not base64', async () => {
    const act = await as('IMPROVEMENT_ASSISTANT');
    expect(
      await act(() =>
        importCaseIndexAction({ fileName: 'index.exe', contentBase64: base64('x'), commit: false }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { fileName: 'Choose a .csv or .xlsx file' } });
    expect(
      await act(() =>
        importCaseIndexAction({ fileName: 'index.csv', contentBase64: '<<not base64>>', commit: false }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { contentBase64: 'The file could not be read; choose it again' },
    });
    expect(
      await act(() =>
        importCaseIndexAction({ fileName: 'index.xlsx', contentBase64: base64('not a zip'), commit: false }),
      ),
    ).toMatchObject({
      ok: true,
      data: { status: 'problems', problems: [{ reason: 'The file is not a readable XLSX workbook.' }] },
    });
  });
});

describe('sampling', () => {
  it('draws half the practitioners, one in-window case each, reproducibly, with the rest as ordered reserve', async () => {
    const act = await as('SENIOR_SERVICE_MANAGER');
    const { audit } = await createSamplingAudit({ size: 5 });
    expect(await act(() => drawSampleAction({ auditId: audit.id, seed: 'first', sharePercent: 50 }))).toEqual(
      { ok: true, data: { selected: 3, reserve: 2, areas: 1 } },
    );
    const selected = await sampledCases(audit.id, 'SELECTED');
    const reserve = await sampledCases(audit.id, 'RESERVE');
    expect(new Set(selected.map((row) => row.practitionerId)).size).toBe(3);
    expect(reserve.map((row) => row.reserveRank)).toEqual([1, 2]);
    const chosen = await db().caseFile.findMany({
      where: { id: { in: selected.map((row) => row.caseFileId) } },
      select: { reference: true },
    });
    expect(chosen.every((row) => row.reference.startsWith('CF-in'))).toBe(true);
    // Same seed, same sample.
    await act(() => drawSampleAction({ auditId: audit.id, seed: 'first', sharePercent: 50 }));
    expect((await sampledCases(audit.id, 'SELECTED')).map((row) => row.caseFileId).sort()).toEqual(
      selected.map((row) => row.caseFileId).sort(),
    );
    const stored = await db().auditSample.findUniqueOrThrow({
      where: { auditId: audit.id },
      select: { seed: true, sharePercent: true, parameters: true },
    });
    expect(stored).toMatchObject({
      seed: 'first',
      sharePercent: 50,
      parameters: { windowFrom: '2014-09-01', windowTo: '2014-10-31' },
    });
  });

  it('refuses to sample outside the Sampling stage', async () => {
    const act = await as('SENIOR_SERVICE_MANAGER');
    const { audit } = await createSamplingAudit();
    await db().audit.update({ where: { id: audit.id }, data: { status: 'DRAFT' } });
    expect(await act(() => drawSampleAction({ auditId: audit.id, seed: 'x', sharePercent: 50 }))).toEqual({
      ok: false,
      error: 'Sampling happens while the audit is in its Sampling stage.',
    });
  });

  it('locks the sample: no redraw, and the database refuses any case joining or leaving it', async () => {
    const act = await as('SENIOR_SERVICE_MANAGER');
    const { audit } = await createSamplingAudit({ draw: true });
    expect(await act(() => lockSampleAction({ auditId: audit.id, version: 1 }))).toEqual({
      ok: true,
      data: null,
    });
    const before = await databaseFingerprint();
    expect(
      await act(() => drawSampleAction({ auditId: audit.id, seed: 'again', sharePercent: 50 })),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/locked/) as unknown });
    expect(await act(() => lockSampleAction({ auditId: audit.id, version: 2 }))).toEqual({
      ok: false,
      error: 'The sample is already locked.',
    });
    await expect(db().$executeRaw`DELETE FROM sampled_case WHERE audit_id = ${audit.id}`).rejects.toThrow(
      /locked/,
    );
    await expect(
      db().$executeRaw`UPDATE audit_sample SET seed = 'tampered' WHERE audit_id = ${audit.id}`,
    ).rejects.toThrow(/locked/);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('replaces a case only with the next reserve of its stratum, logged with who, when and why', async () => {
    const act = await as('SENIOR_SERVICE_MANAGER');
    const { audit } = await createSamplingAudit({ size: 4, lock: true });
    const [first, second] = await sampledCases(audit.id, 'SELECTED');
    const [nextReserve] = await sampledCases(audit.id, 'RESERVE');
    const result = await act(() =>
      replaceSampledCaseAction({
        sampledCaseId: first!.id,
        version: first!.version,
        reason: 'practitioner-left',
        note: 'Left in October',
      }),
    );
    expect(result.ok).toBe(true);
    expect(
      (await db().sampledCase.findUniqueOrThrow({ where: { id: first!.id }, select: { status: true } }))
        .status,
    ).toBe('REPLACED');
    expect(
      (await db().sampledCase.findUniqueOrThrow({ where: { id: nextReserve!.id }, select: { status: true } }))
        .status,
    ).toBe('SELECTED');
    const log = await db().sampleReplacement.findMany({
      where: { auditId: audit.id },
      select: { replacedCaseId: true, replacementCaseId: true, reason: true, note: true, replacedById: true },
    });
    expect(log).toEqual([
      {
        replacedCaseId: first!.id,
        replacementCaseId: nextReserve!.id,
        reason: 'practitioner-left',
        note: 'Left in October',
        replacedById: expect.any(String) as unknown,
      },
    ]);
    await expect(
      db().$executeRaw`DELETE FROM sample_replacement WHERE audit_id = ${audit.id}`,
    ).rejects.toThrow(/append-only/);
    // Two selected, two reserves: after two replacements the reserve list is empty.
    expect(
      (
        await act(() =>
          replaceSampledCaseAction({
            sampledCaseId: second!.id,
            version: second!.version,
            reason: 'case-sealed',
            note: '',
          }),
        )
      ).ok,
    ).toBe(true);
    const [remaining] = await sampledCases(audit.id, 'SELECTED');
    expect(
      await act(() =>
        replaceSampledCaseAction({
          sampledCaseId: remaining!.id,
          version: remaining!.version,
          reason: 'other',
          note: '',
        }),
      ),
    ).toEqual({
      ok: false,
      error: 'No case is left on this stratum’s reserve list.',
    });
  });

  it('refuses replacement before locking (redraw instead)', async () => {
    const act = await as('SENIOR_SERVICE_MANAGER');
    const { audit } = await createSamplingAudit({ draw: true });
    const [first] = await sampledCases(audit.id, 'SELECTED');
    expect(
      await act(() =>
        replaceSampledCaseAction({
          sampledCaseId: first!.id,
          version: first!.version,
          reason: 'other',
          note: '',
        }),
      ),
    ).toEqual({
      ok: false,
      error: 'Lock the sample first: before that, redraw it instead.',
    });
  });
});

describe('assignment', () => {
  it('never assigns an auditor a case of a practitioner they manage', async () => {
    const act = await as('SENIOR_SERVICE_MANAGER');
    const manager = await createUser('IMPROVEMENT_MANAGER');
    await createUser('IMPROVEMENT_MANAGER'); // someone who may take them
    const { audit } = await createSamplingAudit({ size: 6, lock: true, managerId: manager.id });
    const result = await act(() => autoAssignAction({ auditId: audit.id }));
    expect(result.ok).toBe(true);
    const selected = await sampledCases(audit.id, 'SELECTED');
    expect(selected.every((row) => row.assignedToId !== null && row.assignedToId !== manager.id)).toBe(true);
    const [first] = selected;
    expect(
      await act(() =>
        reassignCaseAction({ sampledCaseId: first!.id, version: first!.version, auditorId: manager.id }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { auditorId: 'That Improvement Manager manages this practitioner: choose someone else' },
    });
  });

  it('refuses assignment before the sample is locked, and to someone who is not an Improvement Manager', async () => {
    const act = await as('SENIOR_SERVICE_MANAGER');
    const { audit } = await createSamplingAudit({ draw: true });
    expect(await act(() => autoAssignAction({ auditId: audit.id }))).toEqual({
      ok: false,
      error: 'Lock the sample before assigning cases.',
    });
    await db().auditSample.update({
      where: { auditId: audit.id },
      data: { lockedAt: new Date(), lockedById: (await createUser('SENIOR_SERVICE_MANAGER')).id },
    });
    const director = await createUser('DIRECTOR');
    const [first] = await sampledCases(audit.id, 'SELECTED');
    expect(
      await act(() =>
        reassignCaseAction({ sampledCaseId: first!.id, version: first!.version, auditorId: director.id }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { auditorId: 'Choose an active Improvement Manager' },
    });
  });

  it('puts a case in its auditor’s queue only', async () => {
    const act = await as('SENIOR_SERVICE_MANAGER');
    const { audit } = await createSamplingAudit({ size: 2, lock: true });
    const [auditor, other] = [
      await createUser('IMPROVEMENT_MANAGER'),
      await createUser('IMPROVEMENT_MANAGER'),
    ];
    const [first] = await sampledCases(audit.id, 'SELECTED');
    expect(
      await act(() =>
        reassignCaseAction({ sampledCaseId: first!.id, version: first!.version, auditorId: auditor.id }),
      ),
    ).toEqual({ ok: true, data: null });
    const queue = await findAuditorQueue(auditor.id);
    expect(queue.cases.map((row) => [row.auditName, row.status])).toEqual([[audit.name, 'TO_DO']]);
    expect(queue.counts).toEqual({ TO_DO: 1, IN_PROGRESS: 0, SUBMITTED: 0, RETURNED: 0 });
    expect(queue.cases[0]?.documents).toEqual([
      { documentType: 'report', filedOn: expect.stringMatching(/^2014-10-/) as unknown },
    ]);
    expect((await findAuditorQueue(other.id)).cases).toEqual([]);
    expect(
      await act(() =>
        reassignCaseAction({ sampledCaseId: first!.id, version: first!.version, auditorId: other.id }),
      ),
    ).toEqual({ ok: false, error: MESSAGES.stale });
  });
});
