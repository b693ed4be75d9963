import bcrypt from 'bcryptjs';

// bcryptjs: pure JavaScript, so no native build or prebuilt download on
// machines without internet. Cost 12 is slow enough for guessers.
const COST = 12;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

let dummyHash: Promise<string> | null = null;

// Compared against when the email is unknown, so that a wrong email takes as
// long as a wrong password and timing does not reveal who has an account.
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= bcrypt.hash('no-such-account', COST);
  return dummyHash;
}
