import { describe, expect, it } from 'vitest';
import {
  createPractitioner,
  createServiceArea,
  createTeam,
  createUser,
  signedInAs,
  unique,
} from '../factories';
import { databaseFingerprint } from '../support/fingerprint';
import { runWithSessionToken } from '@/lib/auth/actor';
import { MESSAGES } from '@/lib/actions/run';
import { createUserAction, setUserActiveAction, updateUserAction } from '@/lib/actions/admin-users';
import { createTeamAction, updateTeamAction } from '@/lib/actions/admin-organisation';
import { importPractitionersAction, updatePractitionerAction } from '@/lib/actions/admin-practitioners';
import { db } from '@/lib/db/client';

async function asAdmin() {
  const admin = await createUser('ADMIN');
  const token = await signedInAs(admin.id);
  return { admin, act: <T>(fn: () => Promise<T>) => runWithSessionToken(token, fn) };
}

describe('versioned updates', () => {
  it('refuses a save based on an older version instead of overwriting', async () => {
    const { act } = await asAdmin();
    const target = await createUser('IMPROVEMENT_MANAGER');
    const first = await act(() =>
      updateUserAction({
        userId: target.id,
        version: target.version,
        name: 'First Save',
        role: 'IMPROVEMENT_MANAGER',
        serviceAreaId: '',
      }),
    );
    const second = await act(() =>
      updateUserAction({
        userId: target.id,
        version: target.version,
        name: 'Second Save',
        role: 'IMPROVEMENT_MANAGER',
        serviceAreaId: '',
      }),
    );
    expect(first).toEqual({ ok: true, data: null });
    expect(second).toEqual({ ok: false, error: MESSAGES.stale });
    expect(
      await db().user.findUnique({ where: { id: target.id }, select: { name: true, version: true } }),
    ).toEqual({ name: 'First Save', version: 2 });
  });

  it('lets exactly one of two parallel saves of the same version win', async () => {
    const { act } = await asAdmin();
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const results = await Promise.all(
      ['Alpha', 'Beta'].map((name) =>
        act(() => updateTeamAction({ teamId: team.id, version: team.version, name })),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: MESSAGES.stale }]);
  });

  it('answers a missing record exactly as it answers a forbidden one', async () => {
    const { act } = await asAdmin();
    const result = await act(() =>
      updateUserAction({
        userId: '00000000-0000-4000-8000-000000000000',
        version: 1,
        name: 'X',
        role: 'DIRECTOR',
        serviceAreaId: '',
      }),
    );
    expect(result).toEqual({ ok: false, error: MESSAGES.notFound });
  });
});

describe('history', () => {
  it('records each accepted change once, in the same transaction', async () => {
    const { admin, act } = await asAdmin();
    const area = await createServiceArea();
    const created = await act(() => createTeamAction({ serviceAreaId: area.id, name: 'History Team' }));
    if (!created.ok) throw new Error(created.error);
    const events = await db().auditEvent.findMany({
      where: { entityId: created.data.id },
      select: { action: true, actorId: true },
    });
    expect(events).toEqual([{ action: 'team.created', actorId: admin.id }]);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    const { act } = await asAdmin();
    const area = await createServiceArea();
    await act(() => createTeamAction({ serviceAreaId: area.id, name: 'Another Team' }));
    const before = await db().auditEvent.count();
    await expect(db().$executeRaw`UPDATE audit_event SET action = 'tampered'`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM audit_event`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`TRUNCATE audit_event`).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count()).toBe(before);
  });
});

describe('rules and hostile input: a clear message naming the field, nothing written', () => {
  it.each([
    ['a Head of Service without an area', { role: 'HEAD_OF_SERVICE', serviceAreaId: '' }, 'serviceAreaId'],
    ['a Director with an area', { role: 'DIRECTOR', serviceAreaId: 'AREA' }, 'serviceAreaId'],
    ['an unknown role', { role: 'SUPERUSER' }, 'role'],
    ['an object where a value belongs', { role: { not: 'ADMIN' } }, 'role'],
    ['an extra field', { isActive: false }, 'form'],
    ['NUL in a name', { name: 'Bad\u0000Name' }, 'name'],
    ['a right-to-left override', { name: 'Bad\u202EName' }, 'name'],
    ['a 2 MB name', { name: 'x'.repeat(2 * 1024 * 1024) }, 'name'],
  ])('refuses %s', async (_label, override, field) => {
    const { act } = await asAdmin();
    const area = await createServiceArea();
    const input: Record<string, unknown> = {
      email: `${unique('u')}@example.org`,
      name: 'Valid Name',
      role: 'DIRECTOR',
      serviceAreaId: '',
      password: 'a-long-password',
      ...override,
    };
    if (input.serviceAreaId === 'AREA') input.serviceAreaId = area.id;
    const before = await databaseFingerprint();
    const result = await act(() => createUserAction(input));
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toContain(field);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses a duplicate email on the email field', async () => {
    const { act } = await asAdmin();
    const existing = await createUser('DIRECTOR');
    const result = await act(() =>
      createUserAction({
        email: existing.email.toUpperCase(),
        name: 'Twin',
        role: 'DIRECTOR',
        serviceAreaId: '',
        password: 'a-long-password',
      }),
    );
    expect(result).toEqual({
      ok: false,
      error: 'A user with that email already exists',
      fieldErrors: { email: 'A user with that email already exists' },
    });
  });

  it('stops an admin deactivating themselves', async () => {
    const { admin, act } = await asAdmin();
    const result = await act(() =>
      setUserActiveAction({ userId: admin.id, version: admin.version, isActive: false }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { isActive: 'You cannot deactivate your own account' },
    });
  });

  it('stores notes with HTML as text, unchanged', async () => {
    const { act } = await asAdmin();
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const practitioner = await createPractitioner(team.id);
    const name = '<script>alert(1)</script> javascript:alert(1)';
    const result = await act(() =>
      updatePractitionerAction({
        practitionerId: practitioner.id,
        version: practitioner.version,
        name,
        teamId: team.id,
        employment: 'EMPLOYED',
        performanceBand: '',
        managerId: '',
        isActive: true,
      }),
    );
    expect(result.ok).toBe(true);
    expect(
      (await db().practitioner.findUnique({ where: { id: practitioner.id }, select: { name: true } }))?.name,
    ).toBe(name);
  });

  it('keeps the database constraint even if code forgets the rule', async () => {
    await expect(
      db().user.create({
        data: { email: `${unique('x')}@example.org`, name: 'No Area', role: 'HEAD_OF_SERVICE' },
      }),
    ).rejects.toThrow(/app_user_area_matches_role/);
  });
});

describe('practitioner import', () => {
  async function organisation() {
    const area = await createServiceArea();
    await createTeam(area.id, 'Import Team');
    return area;
  }

  it('reports every bad row and writes nothing', async () => {
    const { act } = await asAdmin();
    const area = await organisation();
    const p1 = unique('R');
    const csv = [
      'reference,name,service_area,team,employment',
      `${p1},Good Person,${area.code},Import Team,Employed`,
      `${unique('R')},Unknown Area,NOPE,Import Team,Employed`,
      `${p1},Duplicate,${area.code},Import Team,Employed`,
      `${unique('R')},,${area.code},Import Team,Employed`,
      `${unique('R')},${'y'.repeat(10_000)},${area.code},Import Team,Employed`,
      `${unique('R')},=cmd|' /C calc'!A0,${area.code},Import Team,Employed`,
    ].join('\r\n');
    const before = await databaseFingerprint();
    const result = await act(() => importPractitionersAction({ csv, commit: true }));
    expect(result.ok && result.data.status).toBe('problems');
    const problems = result.ok && result.data.status === 'problems' ? result.data.problems : [];
    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
      [3, 'service_area'],
      [4, 'reference'],
      [5, 'name'],
      [6, 'name'],
      [7, 'name'],
    ]);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('checks without writing, commits all rows, and changes nothing when the same file comes again', async () => {
    const { act } = await asAdmin();
    const area = await organisation();
    const refs = [unique('R'), unique('R')];
    const csv = `\uFEFFreference,name,service_area,team,employment,performance_band\n${refs[0]},Ann One,${area.code},Import Team,Employed,1\n${refs[1]},"Bo, Two",${area.code},Import Team,Agency,\n`;
    const before = await databaseFingerprint();
    expect(await act(() => importPractitionersAction({ csv, commit: false }))).toEqual({
      ok: true,
      data: { status: 'checked', rowCount: 2 },
    });
    expect(await databaseFingerprint()).toEqual(before);
    expect(await act(() => importPractitionersAction({ csv, commit: true }))).toEqual({
      ok: true,
      data: { status: 'imported', created: 2, updated: 0, unchanged: 0 },
    });
    const afterFirst = await databaseFingerprint();
    expect(await act(() => importPractitionersAction({ csv, commit: true }))).toEqual({
      ok: true,
      data: { status: 'imported', created: 0, updated: 0, unchanged: 2 },
    });
    expect(await databaseFingerprint()).toEqual(afterFirst);
    const changed = csv.replace('Ann One', 'Ann Renamed');
    expect(await act(() => importPractitionersAction({ csv: changed, commit: true }))).toEqual({
      ok: true,
      data: { status: 'imported', created: 0, updated: 1, unchanged: 1 },
    });
    expect(
      await db().practitioner.findMany({
        where: { reference: { in: refs } },
        select: { name: true, employment: true },
        orderBy: { reference: 'asc' },
      }),
    ).toEqual([
      { name: 'Ann Renamed', employment: 'EMPLOYED' },
      { name: 'Bo, Two', employment: 'AGENCY' },
    ]);
  });
});
