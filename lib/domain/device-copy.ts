// The copy of a grading draft kept in the browser's storage until the server
// has it. Computers in court offices are shared: a copy belongs to the person
// who typed it, and sign-out (or an ended session) clears every copy.

/** Every key Threshold writes to browser storage starts with this, so all can be cleared at once. */
export const DEVICE_COPY_PREFIX = 'threshold-';

/** One person's copy of one record (a case audit or a benchmark): never restored to anyone else. */
export const draftCopyKey = (userId: string, recordId: string) =>
  `${DEVICE_COPY_PREFIX}draft-${userId}-${recordId}`;

export const isThresholdKey = (key: string) => key.startsWith(DEVICE_COPY_PREFIX);

/**
 * The answers a stored copy holds, when they were typed on the version the
 * server still has and differ from it; null otherwise (a copy from an older
 * version would silently undo someone's save).
 */
export function restorableAnswers<T>(raw: string | null, current: { version: number; answers: T }): T | null {
  if (!raw) return null;
  let copy: unknown;
  try {
    copy = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof copy !== 'object' || copy === null || !('baseVersion' in copy) || !('answers' in copy))
    return null;
  if (copy.baseVersion !== current.version) return null;
  if (JSON.stringify(copy.answers) === JSON.stringify(current.answers)) return null;
  return copy.answers as T;
}
