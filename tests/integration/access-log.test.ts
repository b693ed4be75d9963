// Finding 6 of issue 13: who looked at or took what. Every kind of row is
// written by the real code path (authorize, events, actions, route handlers),
// and the table keeps itself append-only whatever code runs against it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  actingAs,
  createGradedAudit,
  createServiceArea,
  createUser,
  TEST_PASSWORD,
  unique,
} from '../factories';
import { GET as exportReport } from '@/app/(app)/reports/[auditId]/export/route';
import { GET as exportAccessLog } from '@/app/(app)/admin/access-log/export/route';
import { createUserAction, updateUserAction } from '@/lib/actions/admin-users';
import { MESSAGES } from '@/lib/actions/run';
import { runWithSessionToken } from '@/lib/auth/actor';
import { authOptions } from '@/lib/auth/options';
import { db } from '@/lib/db/client';
import { findAccessLog, purgeAccessLog, recordAccess } from '@/lib/db/access-log';
import { AccessLogSearchSchema } from '@/lib/schemas/access-log';

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<unknown>;

/** The credentials provider's authorize, exactly as next-auth calls it. */
function credentialsAuthorize(): Authorize {
  const provider = authOptions().providers.find((candidate) => candidate.id === 'credentials') as
    { options: { authorize: Authorize } } | undefined;
  if (!provider) throw new Error('the credentials provider is not configured');
  return provider.options.authorize;
}

const rowsFor = (where: { actorId?: string | null; actorEmail?: string; action?: string; target?: string }) =>
  db().accessLog.findMany({ where, orderBy: { id: 'asc' } });

const DAY_MS = 24 * 60 * 60 * 1000;

describe('access_log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of the access log', async () => {
    await recordAccess({ actorId: null, actorEmail: null, action: 'sign-out' });
    await expect(db().$executeRaw`UPDATE access_log SET action = 'sign-in'`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM access_log`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`TRUNCATE access_log`).rejects.toThrow(/append-only/);
    expect(await db().accessLog.count()).toBeGreaterThan(0);
  });

  it('refuses a delete inside the retention even when the purge setting is on', async () => {
    const recent = await db().accessLog.create({
      data: { action: 'sign-out', occurredAt: new Date(Date.now() - 5 * DAY_MS) },
      select: { id: true },
    });
    await expect(
      db().$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('threshold.access_log_purge', 'on', true)`;
        await tx.$queryRaw`SELECT set_config('threshold.access_log_retention_days', '30', true)`;
        await tx.$executeRaw`DELETE FROM access_log WHERE id = ${recent.id}`;
      }),
    ).rejects.toThrow(/within the 30 day retention/);
    // Without a declared retention, the purge setting alone deletes nothing.
    await expect(
      db().$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('threshold.access_log_purge', 'on', true)`;
        await tx.$executeRaw`DELETE FROM access_log WHERE id = ${recent.id}`;
      }),
    ).rejects.toThrow(/needs threshold.access_log_retention_days/);
    expect(await db().accessLog.count({ where: { id: recent.id } })).toBe(1);
  });

  it('records hostile values (NUL, lone surrogates, huge text, a __proto__ key) rather than failing the request', async () => {
    const marker = unique('hostile');
    await recordAccess({
      actorId: null,
      actorEmail: `a\u0000b\uD800${'x'.repeat(10_000)}`,
      action: 'export',
      target: `${marker}\u0000\uDC00`,
      details: JSON.parse(
        `{"__proto__": {"polluted": "yes"}, "filter": "\\u0000\\ud800${'y'.repeat(5000)}"}`,
      ) as Record<string, string>,
      ip: '\u0000'.repeat(500),
    });
    const [row] = await db().accessLog.findMany({ where: { target: { startsWith: marker } } });
    expect(row?.target).toBe(`${marker}\uFFFD`);
    expect(row?.actorEmail).toHaveLength(253);
    expect(row?.ip).toBeNull();
    expect((row?.details as { filter?: string }).filter).toMatch(/^\uFFFDy+$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an action outside the closed set', async () => {
    await expect(db().accessLog.create({ data: { action: 'looked-around' } })).rejects.toThrow();
  });
});

describe('purging the access log', () => {
  it('removes only rows older than the retention, and logs itself in the same transaction', async () => {
    const marker = unique('purge');
    const ages = [800, 731, 729, 10];
    for (const age of ages) {
      await recordAccess({
        actorId: null,
        actorEmail: null,
        action: 'sign-out',
        target: `${marker}:${String(age)}`,
        occurredAt: new Date(Date.now() - age * DAY_MS),
      });
    }
    const { removed } = await purgeAccessLog(730);
    expect(removed).toBeGreaterThanOrEqual(2);
    const left = await db().accessLog.findMany({
      where: { target: { startsWith: `${marker}:` } },
      select: { target: true },
      orderBy: { target: 'asc' },
    });
    expect(left.map((row) => row.target)).toEqual([`${marker}:10`, `${marker}:729`]);
    const [purge] = await db().accessLog.findMany({
      where: { action: 'access-log-purge' },
      orderBy: { id: 'desc' },
      take: 1,
    });
    expect(purge?.details).toMatchObject({ removed, retentionDays: 730 });
  });

  it('npm run access-log:purge prints how many rows it removed and logs the purge', async () => {
    await recordAccess({
      actorId: null,
      actorEmail: null,
      action: 'sign-out',
      target: unique('ancient'),
      occurredAt: new Date(Date.now() - 3000 * DAY_MS),
    });
    const before = await db().accessLog.count({ where: { action: 'access-log-purge' } });
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'access-log:purge'], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, ACCESS_LOG_RETENTION_DAYS: '1000' },
      timeout: 120_000,
    });
    expect(stdout).toMatch(/^Removed [1-9]\d* access-log rows? older than 1000 days \(before .+\)\.$/m);
    expect(await db().accessLog.count({ where: { action: 'access-log-purge' } })).toBe(before + 1);
    expect(
      await db().accessLog.count({ where: { occurredAt: { lt: new Date(Date.now() - 1000 * DAY_MS) } } }),
    ).toBe(0);
  }, 150_000);
});

describe('sign-ins, failures and sign-outs are logged through next-auth', () => {
  it('logs a successful sign-in (authorize, then events.signIn) with the person and their address', async () => {
    const user = await createUser('DIRECTOR');
    const options = authOptions();
    const signedIn = (await credentialsAuthorize()(
      { email: user.email, password: TEST_PASSWORD },
      { headers: { 'x-forwarded-for': '203.0.113.7' } },
    )) as { id: string };
    expect(signedIn.id).toBe(user.id);
    await options.events?.signIn?.({
      user: { id: user.id },
      account: { provider: 'credentials', type: 'credentials', providerAccountId: user.id },
      isNewUser: false,
    });
    const rows = await rowsFor({ actorId: user.id });
    expect(rows.map((row) => row.action)).toEqual(['sign-in']);
    expect(rows[0]).toMatchObject({ actorEmail: user.email, details: { provider: 'credentials' } });
  });

  it('logs a failed sign-in against the account that was named, with the reason and address', async () => {
    const user = await createUser('DIRECTOR');
    await expect(
      credentialsAuthorize()(
        { email: user.email.toUpperCase(), password: 'not-the-password' },
        { headers: { 'x-forwarded-for': '198.51.100.9, 10.0.0.1' } },
      ),
    ).rejects.toThrow();
    const [row] = await rowsFor({ actorId: user.id, action: 'sign-in-failed' });
    expect(row).toMatchObject({
      actorEmail: user.email,
      ip: '198.51.100.9',
      details: { provider: 'credentials' },
    });
  });

  it('logs a failed sign-in by someone without an account: the typed email cleaned, a password-like value not at all', async () => {
    const typed = `${unique('stranger')}@Example.org`;
    await expect(
      credentialsAuthorize()({ email: `${typed}\u0000`, password: 'whatever-they-typed' }, { headers: {} }),
    ).rejects.toThrow();
    const [row] = await rowsFor({ actorEmail: typed.toLowerCase() });
    expect(row).toMatchObject({ actorId: null, action: 'sign-in-failed' });

    const before = await db().accessLog.count({ where: { action: 'sign-in-failed', actorEmail: null } });
    await expect(
      credentialsAuthorize()({ email: 'correct-horse-battery', password: 'x' }, { headers: {} }),
    ).rejects.toThrow();
    expect(await db().accessLog.count({ where: { action: 'sign-in-failed', actorEmail: null } })).toBe(
      before + 1,
    );
    expect(await db().accessLog.count({ where: { actorEmail: { contains: 'correct-horse' } } })).toBe(0);
  });

  it('logs a sign-out (events.signOut) against the session’s owner', async () => {
    const user = await createUser('DIRECTOR');
    const signedIn = (await credentialsAuthorize()(
      { email: user.email, password: TEST_PASSWORD },
      { headers: {} },
    )) as {
      sessionId: string;
    };
    await authOptions().events?.signOut?.({ token: { sid: signedIn.sessionId }, session: null as never });
    expect((await rowsFor({ actorId: user.id, action: 'sign-out' })).length).toBe(1);
    expect(
      await db().userSession.findUnique({ where: { id: signedIn.sessionId }, select: { revokedAt: true } }),
    ).not.toEqual({ revokedAt: null });
  });
});

describe('refusals are logged once, centrally', () => {
  it('logs a refused server action with the refused permission, and the refusal still reads as not found', async () => {
    const director = await actingAs('DIRECTOR');
    const target = await createUser('IMPROVEMENT_MANAGER');
    const outcome = await director.act(() =>
      updateUserAction({
        userId: target.id,
        version: 1,
        name: 'Renamed',
        role: 'ADMIN',
        serviceAreaId: '',
      }),
    );
    expect(outcome).toEqual({ ok: false, error: MESSAGES.notFound });
    const rows = await rowsFor({ actorId: director.id });
    expect(rows.map((row) => [row.action, row.target])).toEqual([['refused', 'user.manage']]);
  });

  it('logs an anonymous call to a server action as a refusal with no person', async () => {
    const before = await db().accessLog.count({ where: { action: 'refused', actorId: null } });
    const outcome = await runWithSessionToken('', () => createUserAction({}));
    expect(outcome).toEqual({ ok: false, error: MESSAGES.signedOut });
    expect(await db().accessLog.count({ where: { action: 'refused', actorId: null } })).toBe(before + 1);
  });

  it('logs a route handler refusing another area’s report', async () => {
    const [own, other] = [await createServiceArea(), await createServiceArea()];
    const { audit } = await createGradedAudit([{ serviceAreaId: other.id, grade: 'good' }]);
    const head = await actingAs('HEAD_OF_SERVICE', own.id);
    const response = await head.act(() =>
      exportReport(
        new Request(
          `http://localhost/reports/${audit.id}/export?format=csv&table=fig-3-service-area&area=${other.id}`,
        ),
        { params: Promise.resolve({ auditId: audit.id }) },
      ),
    );
    expect(response.status).toBe(404);
    const rows = await rowsFor({ actorId: head.id });
    expect(rows.map((row) => [row.action, row.target])).toEqual([['refused', `audit:${audit.id}`]]);
  });
});

describe('exports of personal data are logged', () => {
  it('logs a report download with the audit, table, format and filters', async () => {
    const area = await createServiceArea();
    const { audit } = await createGradedAudit([
      { serviceAreaId: area.id, grade: 'good' },
      { serviceAreaId: area.id, grade: 'not-met' },
    ]);
    const ssm = await actingAs('SENIOR_SERVICE_MANAGER');
    const response = await ssm.act(() =>
      exportReport(
        new Request(
          `http://localhost/reports/${audit.id}/export?format=csv&table=fig-3-service-area&area=${area.id}`,
          { headers: { 'x-forwarded-for': '192.0.2.44' } },
        ),
        { params: Promise.resolve({ auditId: audit.id }) },
      ),
    );
    expect(response.status).toBe(200);
    const rows = await rowsFor({ actorId: ssm.id, action: 'export' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      target: `audit:${audit.id}`,
      ip: '192.0.2.44',
      details: { table: 'fig-3-service-area', format: 'csv', area: area.id },
    });
  });

  it('logs the access log’s own CSV download, with formula-safe cells', async () => {
    const admin = await actingAs('ADMIN');
    const typed = `=cmd|${unique('x')}@example.org`;
    await recordAccess({ actorId: null, actorEmail: typed, action: 'sign-in-failed' });
    const response = await admin.act(() =>
      exportAccessLog(
        new Request(`http://localhost/admin/access-log/export?person=${encodeURIComponent(typed)}`),
      ),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(`'${typed}`);
    expect(text).not.toMatch(/(^|,)=cmd/m);
    const [row] = await rowsFor({ actorId: admin.id, action: 'export' });
    expect(row).toMatchObject({ target: 'access_log', details: { format: 'csv', person: typed } });
  });
});

describe('role and area changes are logged with old and new', () => {
  it('logs a role change and an area change made through the admin action', async () => {
    const [first, second] = [await createServiceArea(), await createServiceArea()];
    const admin = await actingAs('ADMIN');
    const target = await createUser('HEAD_OF_SERVICE', first.id);
    const moved = await admin.act(() =>
      updateUserAction({
        userId: target.id,
        version: 1,
        name: 'Moved person',
        role: 'ASSISTANT_DIRECTOR',
        serviceAreaId: second.id,
      }),
    );
    expect(moved).toEqual({ ok: true, data: null });
    const rows = await rowsFor({ target: `user:${target.id}` });
    expect(rows.map((row) => [row.action, row.actorId, row.details])).toEqual([
      ['role-change', admin.id, { from: 'HEAD_OF_SERVICE', to: 'ASSISTANT_DIRECTOR' }],
      ['area-change', admin.id, { from: first.code, to: second.code }],
    ]);
  });

  it('logs nothing when a change leaves role and area as they were', async () => {
    const admin = await actingAs('ADMIN');
    const target = await createUser('DIRECTOR');
    await admin.act(() =>
      updateUserAction({
        userId: target.id,
        version: 1,
        name: 'Renamed only',
        role: 'DIRECTOR',
        serviceAreaId: '',
      }),
    );
    expect(await rowsFor({ target: `user:${target.id}` })).toEqual([]);
  });

  it('logs a new account’s role as a change from no role', async () => {
    const admin = await actingAs('ADMIN');
    const email = `${unique('new')}@example.org`;
    const created = await admin.act(() =>
      createUserAction({
        email,
        name: 'New Person',
        role: 'ADMIN',
        serviceAreaId: '',
        password: 'a-long-password-1',
      }),
    );
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : '';
    const rows = await rowsFor({ target: `user:${id}` });
    expect(rows.map((row) => [row.action, row.details])).toEqual([
      ['role-change', { from: null, to: 'ADMIN' }],
    ]);
  });
});

describe('the Admin search of the access log', () => {
  it('filters by person (name or email), action and UK date range, newest first', async () => {
    const person = await createUser('DIRECTOR');
    const name = unique('Searchable Person');
    await db().user.update({ where: { id: person.id }, data: { name } });
    const at = (iso: string) => new Date(iso);
    const entries = [
      { action: 'sign-in' as const, occurredAt: at('2026-06-30T22:30:00Z') }, // 23:30 on 30 June in London
      { action: 'sign-in' as const, occurredAt: at('2026-06-30T23:30:00Z') }, // 00:30 on 1 July in London
      { action: 'export' as const, occurredAt: at('2026-07-01T12:00:00Z') },
      { action: 'sign-out' as const, occurredAt: at('2026-07-02T09:00:00Z') },
    ];
    for (const entry of entries)
      await recordAccess({ actorId: person.id, actorEmail: person.email, target: null, ...entry });
    const search = (query: Record<string, string>) =>
      findAccessLog(AccessLogSearchSchema.parse(query)).then(({ rows, total }) => ({
        total,
        rows: rows.map((row) => [row.action, row.occurredAt.toISOString(), row.actorName]),
      }));

    const byName = await search({ person: name.toUpperCase() });
    expect(byName.total).toBe(4);
    expect(byName.rows[0]).toEqual(['sign-out', '2026-07-02T09:00:00.000Z', name]);
    expect((await search({ person: person.email })).total).toBe(4);
    expect(await search({ person: name, action: 'sign-in' })).toMatchObject({ total: 2 });
    expect(await search({ person: name, from: '2026-07-01', to: '2026-07-01' })).toEqual({
      total: 2,
      rows: [
        ['export', '2026-07-01T12:00:00.000Z', name],
        ['sign-in', '2026-06-30T23:30:00.000Z', name],
      ],
    });
    // Search text is literal: % and _ match themselves, not everything.
    expect((await search({ person: '%' })).total).toBe(0);
    expect((await search({ person: name.replace(/ /g, '_') })).total).toBe(0);
  });

  it('finds a failed sign-in by someone without an account by the email they typed', async () => {
    const typed = `${unique('nobody')}@example.org`;
    await recordAccess({ actorId: null, actorEmail: typed, action: 'sign-in-failed' });
    const { rows } = await findAccessLog(
      AccessLogSearchSchema.parse({ person: typed, action: 'sign-in-failed' }),
    );
    expect(rows.map((row) => [row.actorEmail, row.actorName])).toEqual([[typed, null]]);
  });
});
