import { describe, expect, it } from 'vitest';
import { nextStepForLead, type LedAuditProgress } from '@/lib/domain/home';

const progress = (overrides: Partial<LedAuditProgress>): LedAuditProgress => ({
  status: 'GRADING',
  sampleDrawn: true,
  sampleLocked: true,
  selected: 10,
  unassigned: 0,
  graded: 0,
  benchmarks: 0,
  benchmarksToModerate: 0,
  challengesToDecide: 0,
  ...overrides,
});

describe('the audit lead’s next step follows the audit through its statuses', () => {
  it.each<[string, Partial<LedAuditProgress>, string, string]>([
    [
      'a draft starts sampling on the audit page',
      { status: 'DRAFT', sampleDrawn: false },
      'Start sampling',
      '',
    ],
    [
      'sampling with no sample draws one',
      { status: 'SAMPLING', sampleDrawn: false, sampleLocked: false },
      'Draw the sample',
      '/sample',
    ],
    [
      'a drawn sample is checked and locked',
      { status: 'SAMPLING', sampleLocked: false },
      'Check and lock the sample',
      '/sample',
    ],
    [
      'a locked sample with unassigned cases is assigned',
      { status: 'SAMPLING', unassigned: 3 },
      'Assign 3 cases',
      '/sample',
    ],
    ['one unassigned case is singular', { status: 'SAMPLING', unassigned: 1 }, 'Assign 1 case', '/sample'],
    ['a fully assigned sample starts grading', { status: 'SAMPLING' }, 'Start grading', ''],
    ['grading with nothing graded is followed', { graded: 0 }, 'Follow grading: 0 of 10 cases graded', ''],
    ['the first graded cases open benchmarking', { graded: 4 }, 'Choose the benchmark sample', '/benchmarks'],
    [
      'with benchmarks chosen, grading is followed',
      { graded: 4, benchmarks: 2 },
      'Follow grading: 4 of 10 cases graded',
      '',
    ],
    ['every case graded moves to review', { graded: 10, benchmarks: 2 }, 'Move to review', ''],
    [
      'submitted benchmarks are moderated',
      { graded: 10, benchmarks: 2, benchmarksToModerate: 2 },
      'Moderate 2 benchmarks',
      '/benchmarks',
    ],
    [
      'challenges come before moderation',
      { graded: 10, benchmarksToModerate: 2, challengesToDecide: 1 },
      'Decide 1 challenge',
      'challenges',
    ],
    [
      'cases left unassigned in grading come first',
      { unassigned: 2, challengesToDecide: 1 },
      'Assign 2 cases',
      '/sample',
    ],
    [
      'review with challenges decides them',
      { status: 'REVIEW', challengesToDecide: 2 },
      'Decide 2 challenges',
      'challenges',
    ],
    ['review with nothing waiting publishes', { status: 'REVIEW', graded: 10 }, 'Publish the audit', ''],
    ['a published audit is read', { status: 'PUBLISHED' }, 'Read the published report', 'report'],
  ])('%s', (_name, overrides, label, page) => {
    expect(nextStepForLead(progress(overrides))).toEqual({ label, page });
  });
});
