import { describe, expect, it } from 'vitest';
import { draftCopyKey, isThresholdKey, restorableAnswers } from '@/lib/domain/device-copy';

describe('draftCopyKey', () => {
  it('gives two people grading the same record on one browser different copies', () => {
    expect(draftCopyKey('user-a', 'case-1')).not.toBe(draftCopyKey('user-b', 'case-1'));
    expect(draftCopyKey('user-a', 'case-1')).not.toBe(draftCopyKey('user-a', 'case-2'));
  });

  it('is a Threshold key, so sign-out clears it', () => {
    expect(isThresholdKey(draftCopyKey('user-a', 'case-1'))).toBe(true);
    // The copies written before copies were keyed by person are cleared too.
    expect(isThresholdKey('threshold-draft-case-1')).toBe(true);
    expect(isThresholdKey('another-app-setting')).toBe(false);
  });
});

describe('restorableAnswers', () => {
  const server = { version: 3, answers: { rationale: 'saved' } };
  const copy = (baseVersion: number, answers: unknown) => JSON.stringify({ baseVersion, answers });

  it.each([
    ['no copy', null, null],
    [
      'a copy of the version the server has, with changes',
      copy(3, { rationale: 'typed' }),
      { rationale: 'typed' },
    ],
    ['a copy identical to the server', copy(3, { rationale: 'saved' }), null],
    ['a copy from an older version (would undo a save)', copy(2, { rationale: 'typed' }), null],
    ['not JSON', '{oops', null],
    ['JSON of another shape', '"text"', null],
    ['no answers', JSON.stringify({ baseVersion: 3 }), null],
  ])('%s', (_name, raw, expected) => {
    expect(restorableAnswers(raw, server)).toEqual(expected);
  });
});
