// bcrypt reads at most 72 bytes of a password and silently ignores the rest,
// so a longer password would be accepted with any ending. We refuse it instead.
export const MAX_PASSWORD_BYTES = 72;
export const MIN_PASSWORD_CHARACTERS = 12;

/** Bytes in UTF-8, as bcrypt counts them ("é" is 2, "😀" is 4, a lone surrogate 3). */
export function passwordByteLength(password: string): number {
  return new TextEncoder().encode(password).length;
}

export function isPasswordTooLong(password: string): boolean {
  // Every UTF-16 unit is at least one byte: a long string need not be encoded.
  return password.length > MAX_PASSWORD_BYTES || passwordByteLength(password) > MAX_PASSWORD_BYTES;
}

export const PASSWORD_TOO_LONG_MESSAGE =
  `Password must be at most ${String(MAX_PASSWORD_BYTES)} bytes: ${String(MAX_PASSWORD_BYTES)} ordinary letters, digits ` +
  'and punctuation, fewer with accented letters, other alphabets or emoji';
