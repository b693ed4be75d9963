import { describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { createServiceArea, createUser, signedInAs, TEST_PASSWORD } from '../factories';
import { getActor, runWithSessionToken } from '@/lib/auth/actor';
import { signInWithPassword, SignInError } from '@/lib/auth/sign-in';
import { setUserActiveAction, updateUserAction } from '@/lib/actions/admin-users';
import { db } from '@/lib/db/client';
import { revokeSession } from '@/lib/db/sessions';

const failureCode = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'signed in';
  } catch (error) {
    return error instanceof SignInError ? error.code : String(error);
  }
};

describe('signInWithPassword', () => {
  it('signs in with the right password and opens a session row', async () => {
    const user = await createUser('DIRECTOR');
    const { userId, sessionId } = await signInWithPassword({
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(userId).toBe(user.id);
    expect(await db().userSession.findUnique({ where: { id: sessionId }, select: { userId: true } })).toEqual(
      { userId: user.id },
    );
  });

  it('refuses a wrong password or an unknown email with the same code', async () => {
    const user = await createUser('DIRECTOR');
    expect(await failureCode(signInWithPassword({ email: user.email, password: 'wrong-password' }))).toBe(
      'CredentialsSignin',
    );
    expect(
      await failureCode(signInWithPassword({ email: 'nobody@example.org', password: 'wrong-password' })),
    ).toBe('CredentialsSignin');
    expect(await failureCode(signInWithPassword({ email: ['x'], password: { $ne: 1 } }))).toBe(
      'CredentialsSignin',
    );
  });

  it('locks the account after 5 failures, even for the right password, until the lock expires', async () => {
    const user = await createUser('DIRECTOR');
    const now = new Date();
    const context = { now, address: '192.0.2.10' };
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1)
      codes.push(await failureCode(signInWithPassword({ email: user.email, password: 'wrong' }, context)));
    // Locked, unknown and wrong answer alike.
    expect(codes).toEqual(Array(5).fill('CredentialsSignin'));
    expect(
      (await db().user.findUnique({ where: { id: user.id }, select: { lockedUntil: true } }))?.lockedUntil,
    ).toEqual(new Date(now.getTime() + 15 * 60_000));
    expect(
      await failureCode(signInWithPassword({ email: user.email, password: TEST_PASSWORD }, context)),
    ).toBe('CredentialsSignin');
    const later = { now: new Date(now.getTime() + 16 * 60_000), address: '192.0.2.10' };
    expect(await failureCode(signInWithPassword({ email: user.email, password: TEST_PASSWORD }, later))).toBe(
      'signed in',
    );
    expect(
      await db().user.findUnique({
        where: { id: user.id },
        select: { failedSignIns: true, lockedUntil: true },
      }),
    ).toEqual({ failedSignIns: 0, lockedUntil: null });
  });

  it('counts parallel guesses: none are lost', async () => {
    const user = await createUser('DIRECTOR');
    await Promise.all(
      [1, 2, 3, 4].map(() => failureCode(signInWithPassword({ email: user.email, password: 'wrong' }))),
    );
    expect(
      (await db().user.findUnique({ where: { id: user.id }, select: { failedSignIns: true } }))
        ?.failedSignIns,
    ).toBe(4);
  });

  it('tells a deactivated user so, and opens no session', async () => {
    const user = await createUser('DIRECTOR', null, { isActive: false });
    expect(await failureCode(signInWithPassword({ email: user.email, password: TEST_PASSWORD }))).toBe(
      'AccountDeactivated',
    );
    expect(await db().userSession.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('getActor re-checks the session against the database on every request', () => {
  const actorFor = (token: string, now?: Date) => runWithSessionToken(token, () => getActor(now));

  it('returns the actor for a valid session', async () => {
    const area = await createServiceArea();
    const user = await createUser('HEAD_OF_SERVICE', area.id);
    const actor = await actorFor(await signedInAs(user.id));
    expect(actor).toMatchObject({ userId: user.id, role: 'HEAD_OF_SERVICE', serviceAreaId: area.id });
  });

  it('signs out a user on their next request once deactivated', async () => {
    const admin = await createUser('ADMIN');
    const user = await createUser('DIRECTOR');
    const token = await signedInAs(user.id);
    expect(await actorFor(token)).not.toBeNull();
    const result = await runWithSessionToken(await signedInAs(admin.id), () =>
      setUserActiveAction({ userId: user.id, version: user.version, isActive: false }),
    );
    expect(result).toEqual({ ok: true, data: null });
    expect(await actorFor(token)).toBeNull();
  });

  it('applies a role and area change on the next request', async () => {
    const admin = await createUser('ADMIN');
    const area = await createServiceArea();
    const user = await createUser('DIRECTOR');
    const token = await signedInAs(user.id);
    const result = await runWithSessionToken(await signedInAs(admin.id), () =>
      updateUserAction({
        userId: user.id,
        version: user.version,
        name: 'Now a HoS',
        role: 'HEAD_OF_SERVICE',
        serviceAreaId: area.id,
      }),
    );
    expect(result.ok).toBe(true);
    expect(await actorFor(token)).toMatchObject({
      role: 'HEAD_OF_SERVICE',
      serviceAreaId: area.id,
      name: 'Now a HoS',
    });
  });

  it('ends a session after sign-out, 30 minutes idle, or 10 hours', async () => {
    const user = await createUser('DIRECTOR');
    const now = Date.now();
    const idle = await signedInAs(user.id);
    expect(await actorFor(idle, new Date(now + 29 * 60_000))).not.toBeNull();
    expect(await actorFor(idle, new Date(now + 29 * 60_000 + 30 * 60_000 + 5_000))).toBeNull();

    const busy = await signedInAs(user.id);
    // Active every 20 minutes for 9h40: still valid; at 10 h it ends regardless.
    for (let minutes = 20; minutes <= 580; minutes += 20)
      expect(await actorFor(busy, new Date(now + minutes * 60_000))).not.toBeNull();
    expect(await actorFor(busy, new Date(now + 600 * 60_000 + 5_000))).toBeNull();

    const signedOut = await signedInAs(user.id);
    const session = await db().userSession.findFirst({
      where: { userId: user.id },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    });
    await revokeSession(session?.id ?? '', new Date());
    expect(await actorFor(signedOut)).toBeNull();
  });

  it('refuses tampered tokens, tokens signed with another secret, and no token', async () => {
    const user = await createUser('DIRECTOR');
    const token = await signedInAs(user.id);
    expect(await actorFor(`${token.slice(0, -4)}AAAA`)).toBeNull();
    expect(
      await actorFor(await encode({ token: { sid: 'x' }, secret: 'another-secret-another-secret-0000' })),
    ).toBeNull();
    expect(
      await actorFor(
        await encode({
          token: { sid: '00000000-0000-0000-0000-000000000000' },
          secret: process.env.NEXTAUTH_SECRET as string,
        }),
      ),
    ).toBeNull();
    expect(await actorFor('')).toBeNull();
  });
});
