import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { isPasswordTooLong, MAX_PASSWORD_BYTES, passwordByteLength } from '@/lib/domain/passwords';
import { CreateUserSchema, ResetPasswordSchema } from '@/lib/schemas/admin';

const reset = (password: string) =>
  ResetPasswordSchema.safeParse({ userId: '00000000-0000-4000-8000-000000000000', version: 1, password });
const messages = (result: ReturnType<typeof reset>) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('passwords are counted in UTF-8 bytes, as bcrypt counts them', () => {
  it.each([
    ['ASCII', 'a'.repeat(72), 72],
    ['accented letters (2 bytes each)', 'é'.repeat(36), 72],
    ['Greek (2 bytes each)', 'λ'.repeat(10), 20],
    ['CJK (3 bytes each)', '密'.repeat(24), 72],
    ['emoji (4 bytes, 2 UTF-16 units each)', '😀'.repeat(18), 72],
    ['a lone surrogate (3 bytes, as U+FFFD)', '\uD800', 3],
  ])('%s', (_label, password, bytes) => {
    expect(passwordByteLength(password)).toBe(bytes);
    expect(bcrypt.truncates(password)).toBe(bytes > MAX_PASSWORD_BYTES);
  });
});

describe('a new password longer than 72 bytes is refused with a message, not truncated', () => {
  it.each([
    ['73 ASCII characters', 'a'.repeat(73)],
    ['37 accented letters: 37 characters but 74 bytes', 'é'.repeat(37)],
    ['25 CJK characters: 75 bytes', '密'.repeat(25)],
    ['19 emoji: 76 bytes', '😀'.repeat(19)],
    ['70 ASCII and one emoji: 74 bytes', `${'a'.repeat(70)}😀`],
  ])('refuses %s', (_label, password) => {
    expect(isPasswordTooLong(password)).toBe(true);
    const result = reset(password);
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual([expect.stringMatching(/^Password must be at most 72 bytes/)]);
  });

  it.each([
    ['72 ASCII characters', 'a'.repeat(72)],
    ['36 accented letters: 72 bytes', 'é'.repeat(36)],
    ['18 emoji: 72 bytes', '😀'.repeat(18)],
    ['12 characters', 'twelve-chars'],
  ])('accepts %s', (_label, password) => {
    expect(reset(password).success).toBe(true);
  });

  it('applies to new users too, and still asks for at least 12 characters', () => {
    const base = { email: 'new@example.org', name: 'New person', role: 'DIRECTOR', serviceAreaId: '' };
    expect(CreateUserSchema.safeParse({ ...base, password: 'é'.repeat(37) }).success).toBe(false);
    const short = CreateUserSchema.safeParse({ ...base, password: 'short' });
    expect(short.error?.issues.map((issue) => issue.message)).toEqual([
      'Password must be at least 12 characters',
    ]);
  });

  it('hashPassword refuses what bcrypt would cut short, and such a password never matches', async () => {
    const prefix = 'é'.repeat(36);
    // What we avoid: bcrypt ignores everything after byte 72, so any ending matches.
    const truncatedHash = await bcrypt.hash(`${prefix}one ending`, 4);
    expect(await bcrypt.compare(`${prefix}another ending`, truncatedHash)).toBe(true);
    await expect(hashPassword(`${prefix}one ending`)).rejects.toThrow(/72 bytes/);
    expect(await verifyPassword(`${prefix}another ending`, truncatedHash)).toBe(false);
  });
});
