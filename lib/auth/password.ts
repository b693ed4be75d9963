import bcrypt from 'bcryptjs';
import { isPasswordTooLong, MAX_PASSWORD_BYTES } from '@/lib/domain/passwords';

// bcryptjs: pure JavaScript, so no native build or prebuilt download on
// machines without internet. Cost 12 is slow enough for guessers.
const COST = 12;

/** Refuses what bcrypt would silently cut short; forms check first and say so. */
export function hashPassword(password: string): Promise<string> {
  if (isPasswordTooLong(password))
    return Promise.reject(new Error(`Passwords longer than ${String(MAX_PASSWORD_BYTES)} bytes are refused`));
  return bcrypt.hash(password, COST);
}

/** A password bcrypt would truncate never matches: no hash was made from it. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (isPasswordTooLong(password)) return false;
  return bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | null = null;

// Compared against when the email is unknown or the account locked, so that
// these take as long as a wrong password and timing does not reveal accounts.
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= bcrypt.hash('no-such-account', COST);
  return dummyHash;
}
