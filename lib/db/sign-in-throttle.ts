import 'server-only';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from '@/lib/env';
import { SIGN_IN_THROTTLES } from '@/lib/domain/session-rules';

// Failed sign-ins per network address, in PostgreSQL so that every instance
// behind the load balancer shares one count (instances keep no state).
// rate-limiter-flexible does the counting with one atomic upsert per key; the
// table is created by our migration, so no instance runs DDL at start-up.
const TABLE = 'sign_in_throttle';

type Limiters = { pool: pg.Pool; address: RateLimiterPostgres; addressAndAccount: RateLimiterPostgres };

const globalForThrottle = globalThis as unknown as { thresholdSignInThrottle?: Limiters };

function createLimiters(): Limiters {
  // A small pool of its own: the limiter speaks pg's API, not Prisma's.
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 3,
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
  });
  // Unhandled, a pool error (the database restarting) would kill the process.
  pool.on('error', (error) => console.error('[sign-in-throttle] pool error', error.message));
  const limiter = (keyPrefix: string, rule: { failures: number; minutes: number }) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: TABLE,
      tableCreated: true,
      keyPrefix,
      points: rule.failures,
      duration: rule.minutes * 60,
    });
  return {
    pool,
    address: limiter('address', SIGN_IN_THROTTLES.address),
    addressAndAccount: limiter('address-account', SIGN_IN_THROTTLES.addressAndAccount),
  };
}

function limiters(): Limiters {
  globalForThrottle.thresholdSignInThrottle ??= createLimiters();
  return globalForThrottle.thresholdSignInThrottle;
}

// Emails are not kept in the throttle table, only a digest (keys stay short too).
const accountKey = (address: string, email: string) =>
  `${address}:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`;

export type ThrottleOutcome = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts an attempt up front, before any password work, so a burst of parallel
 * attempts cannot all slip under the limit; the right password gives it back
 * (forgiveSignInAttempt), so only failures use up an address's budget.
 */
export async function takeSignInAttempt(address: string, email: string): Promise<ThrottleOutcome> {
  const { address: byAddress, addressAndAccount } = limiters();
  try {
    await byAddress.consume(address);
    await addressAndAccount.consume(accountKey(address, email));
    return { allowed: true };
  } catch (refusal) {
    // The library rejects with a RateLimiterRes when over the limit, with an
    // Error when the database fails; the latter is not ours to hide.
    if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterMs: refusal.msBeforeNext };
    throw refusal;
  }
}

export async function forgiveSignInAttempt(address: string, email: string): Promise<void> {
  const { address: byAddress, addressAndAccount } = limiters();
  await Promise.all([byAddress.reward(address), addressAndAccount.reward(accountKey(address, email))]);
}
