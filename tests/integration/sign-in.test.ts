import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../factories';
import { signInWithPassword, SignInError, type SignInContext } from '@/lib/auth/sign-in';
import { db } from '@/lib/db/client';
import { getEntraUserId } from '@/lib/db/sessions';
import { takeSignInAttempt } from '@/lib/db/sign-in-throttle';

type Outcome = { code: string; reason: string; retryAfterMinutes?: number };

const attempt = async (credentials: unknown, context: SignInContext): Promise<Outcome> => {
  try {
    await signInWithPassword(credentials, context);
    return { code: 'signed in', reason: 'signed in' };
  } catch (error) {
    if (error instanceof SignInError)
      return { code: error.code, reason: error.reason, retryAfterMinutes: error.retryAfterMinutes };
    return { code: String(error), reason: 'not a SignInError' };
  }
};

// Each test signs in from its own address, so the per-address throttle of one
// test never touches another's.
let nextAddress = 0;
const freshAddress = () => {
  nextAddress += 1;
  return `198.51.100.${String(nextAddress)}`;
};

const lockState = (userId: string) =>
  db().user.findUniqueOrThrow({ where: { id: userId }, select: { failedSignIns: true, lockedUntil: true } });
const sessions = (userId: string) => db().userSession.count({ where: { userId } });

describe('the lockout holds under concurrency', { timeout: 120_000 }, () => {
  it('12 wrong passwords and the right one in one burst lock the account; at most five are compared', async () => {
    const user = await createUser('DIRECTOR');
    // From 13 addresses, as a spread-out guesser would: only the account's own
    // count stands in the way, not the per-address throttle.
    const context = { now: new Date() };
    const wrong = Array.from({ length: 12 }, (_, index) =>
      attempt(
        { email: user.email, password: `wrong-${String(index)}` },
        { ...context, address: freshAddress() },
      ),
    );
    const outcomes = await Promise.all([
      ...wrong,
      attempt({ email: user.email, password: TEST_PASSWORD }, { ...context, address: freshAddress() }),
    ]);
    const right = outcomes[12];
    const wrongOutcomes = outcomes.slice(0, 12);

    // Locked, wrong and (below) unknown all give the page the same code.
    expect(new Set(wrongOutcomes.map((outcome) => outcome.code))).toEqual(new Set(['CredentialsSignin']));
    const state = await lockState(user.id);
    expect(state.lockedUntil?.getTime()).toBe(context.now.getTime() + 15 * 60_000);
    expect(state.failedSignIns).toBeGreaterThanOrEqual(5);
    const compared =
      wrongOutcomes.filter((outcome) => outcome.reason === 'wrong-password').length +
      (right?.code === 'signed in' ? 1 : 0);
    expect(compared).toBe(5);
    if (right?.code === 'signed in') {
      // It was among the first five counted, before the lock: one session.
      expect(await sessions(user.id)).toBe(1);
    } else {
      // It arrived after the fifth: refused by the lock, like a wrong password.
      expect(right).toEqual({ code: 'CredentialsSignin', reason: 'unknown-or-locked' });
      expect(await sessions(user.id)).toBe(0);
    }
  }, 120_000);

  it('the right password during a lock is refused exactly like a wrong one or an unknown email', async () => {
    const user = await createUser('DIRECTOR');
    const context = { now: new Date(), address: freshAddress() };
    for (let index = 0; index < 5; index += 1)
      await attempt({ email: user.email, password: 'wrong-password' }, context);
    const right = await attempt({ email: user.email, password: TEST_PASSWORD }, context);
    const unknown = await attempt({ email: 'nobody-here@example.org', password: TEST_PASSWORD }, context);
    const wrongPassword = await attempt(
      { email: (await createUser('DIRECTOR')).email, password: 'wrong-password' },
      context,
    );
    expect(right.code).toBe('CredentialsSignin');
    expect(unknown.code).toBe('CredentialsSignin');
    expect(wrongPassword.code).toBe('CredentialsSignin');
    expect(right.reason).toBe(unknown.reason);
    expect(await sessions(user.id)).toBe(0);
  });

  it('a right password takes back only its own count: failures before it and beside it stay counted', async () => {
    const user = await createUser('DIRECTOR');
    const context = { now: new Date(), address: freshAddress() };
    await attempt({ email: user.email, password: 'wrong-1' }, context);
    await attempt({ email: user.email, password: 'wrong-2' }, context);
    const [right] = await Promise.all([
      attempt({ email: user.email, password: TEST_PASSWORD }, context),
      attempt({ email: user.email, password: 'wrong-3' }, context),
    ]);
    expect(right?.code).toBe('signed in');
    expect(await lockState(user.id)).toEqual({ failedSignIns: 3, lockedUntil: null });
    await attempt({ email: user.email, password: 'wrong-4' }, context);
    await attempt({ email: user.email, password: 'wrong-5' }, context);
    expect((await lockState(user.id)).lockedUntil).not.toBeNull();
  });

  it('four typos and then the right password sign in without locking the account', async () => {
    const user = await createUser('DIRECTOR');
    const context = { now: new Date(), address: freshAddress() };
    for (let index = 0; index < 4; index += 1)
      await attempt({ email: user.email, password: 'typo-password' }, context);
    expect((await attempt({ email: user.email, password: TEST_PASSWORD }, context)).code).toBe('signed in');
    expect(await lockState(user.id)).toEqual({ failedSignIns: 4, lockedUntil: null });
  });

  it('failures older than 15 minutes no longer count towards the lock', async () => {
    const user = await createUser('DIRECTOR');
    const address = freshAddress();
    const t0 = new Date();
    for (let index = 0; index < 4; index += 1)
      await attempt({ email: user.email, password: 'wrong-password' }, { now: t0, address });
    const later = { now: new Date(t0.getTime() + 16 * 60_000), address };
    await attempt({ email: user.email, password: 'wrong-password' }, later);
    expect(await lockState(user.id)).toEqual({ failedSignIns: 1, lockedUntil: null });
  });
});

describe('the per-address throttle', () => {
  // Failures recorded straight through the throttle (cheap) stand for earlier
  // failed sign-ins; the attempts that matter go through signInWithPassword.
  const earlierFailures = (count: number, address: string, email: (index: number) => string) =>
    Promise.all(Array.from({ length: count }, (_, index) => takeSignInAttempt(address, email(index))));

  it('refuses an address after 30 failed sign-ins in 15 minutes, whatever accounts it tries, and says how long to wait', async () => {
    const address = freshAddress();
    const now = new Date();
    const earlier = await earlierFailures(29, address, (index) => `guess-${String(index)}@example.org`);
    expect(earlier.every((outcome) => outcome.allowed)).toBe(true);
    // Colleagues behind the same address still sign in; their attempts are given back.
    const colleagues = await Promise.all([createUser('DIRECTOR'), createUser('DIRECTOR')]);
    for (const colleague of colleagues)
      expect(
        (await attempt({ email: colleague.email, password: TEST_PASSWORD }, { now, address })).code,
      ).toBe('signed in');
    expect((await attempt({ email: 'guess-30@example.org', password: 'x' }, { now, address })).code).toBe(
      'CredentialsSignin',
    );

    // The 31st: refused before any password work, and no account's count moves,
    // so one address cannot go on to lock every account.
    const target = await createUser('DIRECTOR');
    expect(await attempt({ email: target.email, password: 'wrong-password' }, { now, address })).toEqual({
      code: 'TooManyAttempts',
      reason: 'throttled',
      retryAfterMinutes: 15,
    });
    expect((await attempt({ email: target.email, password: TEST_PASSWORD }, { now, address })).code).toBe(
      'TooManyAttempts',
    );
    expect(await lockState(target.id)).toEqual({ failedSignIns: 0, lockedUntil: null });
    expect(await sessions(target.id)).toBe(0);

    // Another address is not affected.
    expect(
      (await attempt({ email: target.email, password: TEST_PASSWORD }, { now, address: freshAddress() }))
        .code,
    ).toBe('signed in');
  }, 120_000);

  it('counts parallel attempts from one address exactly: the 31st of a burst is refused', async () => {
    const address = freshAddress();
    const burst = await earlierFailures(31, address, (index) => `burst-${String(index)}@example.org`);
    expect(burst.filter((outcome) => outcome.allowed)).toHaveLength(30);
  });

  it('refuses one address 10 failed sign-ins for one email in an hour, but not other emails', async () => {
    const address = freshAddress();
    const now = new Date();
    const email = 'someone-guessed@example.org';
    await earlierFailures(9, address, () => email);
    expect((await attempt({ email, password: 'guess-10' }, { now, address })).code).toBe('CredentialsSignin');
    expect(await attempt({ email: email.toUpperCase(), password: 'guess-11' }, { now, address })).toEqual({
      code: 'TooManyAttempts',
      reason: 'throttled',
      retryAfterMinutes: 60,
    });
    const other = await createUser('DIRECTOR');
    expect((await attempt({ email: other.email, password: TEST_PASSWORD }, { now, address })).code).toBe(
      'signed in',
    );
  }, 120_000);
});

describe('hostile input at sign-in', () => {
  it('an email with a NUL byte gets the ordinary sign-in error and never reaches PostgreSQL', async () => {
    const user = await createUser('DIRECTOR');
    const address = freshAddress();
    for (const email of [`${user.email}\u0000`, `a\u0000b@example.org`, `\u0000`])
      expect(await attempt({ email, password: TEST_PASSWORD }, { address })).toEqual({
        code: 'CredentialsSignin',
        reason: 'malformed',
      });
  });

  it('a password longer than 72 bytes is refused with its own message, not compared on its first 72', async () => {
    const user = await createUser('DIRECTOR');
    const address = freshAddress();
    // As if set before the rule: bcrypt would accept any ending after byte 72.
    const first72 = 'é'.repeat(36);
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await bcrypt.hash(first72, 4) } });
    expect(await attempt({ email: user.email, password: `${first72}anything` }, { address })).toEqual({
      code: 'PasswordTooLong',
      reason: 'password-too-long',
    });
    expect(await sessions(user.id)).toBe(0);
    expect((await attempt({ email: user.email, password: first72 }, { address })).code).toBe('signed in');
  });
});

describe('single sign-on with Entra ID matches the immutable object id once linked', () => {
  const oid = () => crypto.randomUUID();

  it('links an Admin-added user by email on the first sign-on, then matches by object id only', async () => {
    const user = await createUser('DIRECTOR');
    const objectId = oid();
    expect(await getEntraUserId({ objectId, email: user.email.toUpperCase() })).toBe(user.id);
    expect(
      await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { entraObjectId: true } }),
    ).toEqual({ entraObjectId: objectId });
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: 'user.entra-linked' } })).toBe(
      1,
    );
    // The email claim changed in Entra: still the same person.
    expect(await getEntraUserId({ objectId, email: 'renamed@example.org' })).toBe(user.id);
    // Another Entra identity that now carries this email is not let in.
    expect(await getEntraUserId({ objectId: oid(), email: user.email })).toBeNull();
  });

  it('an email change in Entra does not re-link someone else', async () => {
    const first = await createUser('DIRECTOR');
    const second = await createUser('DIRECTOR');
    const firstObjectId = oid();
    expect(await getEntraUserId({ objectId: firstObjectId, email: first.email })).toBe(first.id);
    // The first person's email claim now reads as the second person's address.
    expect(await getEntraUserId({ objectId: firstObjectId, email: second.email })).toBe(first.id);
    expect(
      await db().user.findUniqueOrThrow({ where: { id: second.id }, select: { entraObjectId: true } }),
    ).toEqual({ entraObjectId: null });
  });

  it('refuses unknown people and deactivated accounts, linked or not', async () => {
    expect(await getEntraUserId({ objectId: oid(), email: 'not-added@example.org' })).toBeNull();
    const inactive = await createUser('DIRECTOR', null, { isActive: false });
    expect(await getEntraUserId({ objectId: oid(), email: inactive.email })).toBeNull();
    const linked = await createUser('DIRECTOR');
    const objectId = oid();
    expect(await getEntraUserId({ objectId, email: linked.email })).toBe(linked.id);
    await db().user.update({ where: { id: linked.id }, data: { isActive: false } });
    expect(await getEntraUserId({ objectId, email: linked.email })).toBeNull();
  });
});
