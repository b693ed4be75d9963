import { describe, expect, it } from 'vitest';
import {
  agreedGrades,
  assertOpenForBenchmarking,
  benchmarksAssignedMessage,
  compareGradings,
  hasBothGradings,
  MODERATOR_IS_AUDITOR,
  MODERATOR_IS_BENCHMARKER,
  reasonNotToModerate,
  withAgreedGrades,
} from '@/lib/domain/benchmarking';
import { AUDIT_STATUSES } from '@/lib/domain/audits';
import { RuleError } from '@/lib/domain/errors';
import { emptyAnswers, type GradingAnswers } from '@/lib/domain/grading';
import { THREE_POINT_SCALE, type RubricContent } from '@/lib/domain/rubric';

const section = (key: string) => ({
  key,
  title: key,
  guidance: '',
  descriptors: {},
  questions: [],
  replaces: [],
});
const CONTENT: RubricContent = {
  scale: THREE_POINT_SCALE,
  sections: [section('plan'), section('voice')],
  themes: [],
  overallRule: { kind: 'none' },
};

function graded(overall: string | null, plan: string | null, voice: string | null): GradingAnswers {
  const empty = emptyAnswers(CONTENT);
  return {
    ...empty,
    overallGrade: overall,
    sections: {
      plan: { ...empty.sections.plan!, grade: plan, evidence: 'Plan evidence' },
      voice: { ...empty.sections.voice!, grade: voice },
    },
  };
}

describe('compareGradings', () => {
  it('lists the overall grade and each differing section, in the rubric’s order', () => {
    const { first, second, differences } = compareGradings(CONTENT, {
      firstOverallGrade: 'good',
      firstSectionGrades: { plan: 'good', voice: 'met' },
      overallGrade: 'met',
      answers: graded('met', 'good', 'not-met'),
    });
    expect(first).toEqual({ overall: 'good', sections: { plan: 'good', voice: 'met' } });
    expect(second).toEqual({ overall: 'met', sections: { plan: 'good', voice: 'not-met' } });
    expect(differences).toEqual([
      { field: 'overall', first: 'good', second: 'met' },
      { field: 'voice', first: 'met', second: 'not-met' },
    ]);
  });

  it('reads no answers yet as every section ungraded', () => {
    const { second, differences } = compareGradings(CONTENT, {
      firstOverallGrade: 'good',
      firstSectionGrades: { plan: 'good' },
      overallGrade: null,
      answers: null,
    });
    expect(second).toEqual({ overall: null, sections: { plan: null, voice: null } });
    expect(differences.map((difference) => difference.field)).toEqual(['overall', 'plan']);
  });
});

describe('reasonNotToModerate', () => {
  const submitted = {
    status: 'SUBMITTED',
    differences: 2,
    auditStatus: 'REVIEW' as const,
    benchmarkerId: 'u-ben',
    auditorIds: ['u-aud', 'u-now'],
  };

  it('lets someone party to neither grading settle a submitted disagreement', () => {
    expect(reasonNotToModerate('u-mod', submitted)).toBeNull();
  });

  it.each([
    [{ status: 'MODERATED' }, 'u-mod', 'This benchmark has already been moderated.'],
    [{ differences: 0 }, 'u-mod', 'The two gradings agree: there is nothing to moderate.'],
    [{ auditStatus: 'PUBLISHED' as const }, 'u-mod', 'This audit is published: its grades are final.'],
    [{}, 'u-ben', MODERATOR_IS_BENCHMARKER],
    [{}, 'u-aud', MODERATOR_IS_AUDITOR],
    [{}, 'u-now', MODERATOR_IS_AUDITOR],
    // The benchmark's state is said before the moderator's part in it.
    [{ status: 'MODERATED' }, 'u-ben', 'This benchmark has already been moderated.'],
  ])('refuses %o by %s', (change, moderatorId, reason) => {
    expect(reasonNotToModerate(moderatorId, { ...submitted, ...change })).toBe(reason);
  });
});

describe('agreedGrades', () => {
  const differences = [
    { field: 'overall', first: 'good', second: 'met' },
    { field: 'voice', first: 'met', second: 'not-met' },
  ];

  it('keeps an agreed grade for each differing section and ignores the rest', () => {
    expect(agreedGrades(differences, { overall: 'met', voice: 'met', plan: 'not-met' }, 'good')).toEqual({
      overall: 'met',
      sections: { voice: 'met' },
    });
  });

  it('keeps the auditor’s overall grade when none was agreed', () => {
    expect(agreedGrades(differences.slice(1), { voice: 'met' }, 'good')).toEqual({
      overall: 'good',
      sections: { voice: 'met' },
    });
  });
});

describe('withAgreedGrades', () => {
  it('writes the agreed grades into the case’s answers and lists what changed', () => {
    const before = graded('good', 'good', 'met');
    const { answers, changes } = withAgreedGrades(before, 'good', {
      overall: 'met',
      sections: { plan: 'met', voice: 'met', gone: 'met' },
    });
    expect(changes).toEqual([
      { field: 'sections.plan.grade', from: 'good', to: 'met' },
      { field: 'overallGrade', from: 'good', to: 'met' },
    ]);
    expect(answers.overallGrade).toBe('met');
    expect(answers.sections.plan).toEqual({ ...before.sections.plan, grade: 'met' });
    expect(answers.sections.gone).toBeUndefined();
    // The answers read are left as they were.
    expect(before.sections.plan?.grade).toBe('good');
    expect(before.overallGrade).toBe('good');
  });

  it('records an ungraded section as changed from nothing, and no change when the grade is the same', () => {
    const { answers, changes } = withAgreedGrades(graded('met', null, 'met'), 'met', {
      overall: 'met',
      sections: { plan: 'met' },
    });
    expect(changes).toEqual([{ field: 'sections.plan.grade', from: '', to: 'met' }]);
    expect(answers.overallGrade).toBe('met');
  });
});

describe('assertOpenForBenchmarking', () => {
  it.each(AUDIT_STATUSES.map((status) => [status]))('%s', (status) => {
    const open = status === 'GRADING' || status === 'REVIEW';
    if (open) expect(() => assertOpenForBenchmarking(status)).not.toThrow();
    else expect(() => assertOpenForBenchmarking(status)).toThrow(RuleError);
  });
});

describe('benchmarksAssignedMessage', () => {
  it('counts the cases and links to the benchmarker’s list', () => {
    expect(benchmarksAssignedMessage(1)).toMatchObject({ title: '1 case to benchmark', link: '/benchmarks' });
    expect(benchmarksAssignedMessage(3).title).toBe('3 cases to benchmark');
    expect(benchmarksAssignedMessage(3).body).toMatch(/blind/);
  });
});

describe('hasBothGradings', () => {
  it.each([
    ['ASSIGNED', false],
    ['IN_PROGRESS', false],
    ['SUBMITTED', true],
    ['MODERATED', true],
  ])('%s: %s', (status, expected) => {
    expect(hasBothGradings(status)).toBe(expected);
  });
});
