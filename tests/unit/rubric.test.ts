import { describe, expect, it } from 'vitest';
import {
  blankRubric,
  describeOverallRule,
  draftFromPrevious,
  FOUR_POINT_SCALE,
  goodOrAboveKeys,
  isLowestLevel,
  lowestLevel,
  publishProblems,
  rankOf,
  successorsOf,
  suggestOverallGrade,
  THREE_POINT_SCALE,
  type RubricContent,
  type RubricSection,
} from '@/lib/domain/rubric';
import {
  LOCAL_QUALITY_IMPACT_TOOL,
  NATIONAL_THRESHOLD_2013,
  NATIONAL_THRESHOLD_OCTOBER_2014,
} from '../../prisma/seed/thresholds';
import { RubricContentSchema } from '@/lib/schemas/rubric';

const section = (key: string, overrides: Partial<RubricSection> = {}): RubricSection => ({
  key,
  title: key,
  guidance: `Look at ${key}.`,
  descriptors: { good: 'g', met: 'm', 'not-met': 'n' },
  questions: [],
  replaces: [],
  ...overrides,
});

const rubric = (overrides: Partial<RubricContent> = {}): RubricContent => ({
  scale: THREE_POINT_SCALE,
  sections: [section('planning'), section('safeguarding'), section('reporting')],
  themes: [{ key: 'safeguarding', label: 'Safeguarding' }],
  overallRule: { kind: 'lowest-of', sectionKeys: ['planning', 'safeguarding'] },
  ...overrides,
});

describe('grade scales', () => {
  it('groups Good or above and finds the lowest level', () => {
    expect(goodOrAboveKeys(THREE_POINT_SCALE)).toEqual(['good']);
    expect(goodOrAboveKeys(FOUR_POINT_SCALE)).toEqual(['outstanding', 'good']);
    expect(lowestLevel(THREE_POINT_SCALE)?.label).toBe('Not Met');
    expect(lowestLevel(FOUR_POINT_SCALE)?.label).toBe('Inadequate');
    expect(lowestLevel({ ...THREE_POINT_SCALE, lowestLevelKey: null })).toBeNull();
    expect(isLowestLevel(THREE_POINT_SCALE, 'not-met')).toBe(true);
    expect(isLowestLevel(THREE_POINT_SCALE, 'met')).toBe(false);
    expect(rankOf(FOUR_POINT_SCALE, 'outstanding')).toBe(0);
    expect(rankOf(FOUR_POINT_SCALE, 'inadequate')).toBe(3);
    expect(rankOf(FOUR_POINT_SCALE, 'nope')).toBe(-1);
  });
});

describe('suggestOverallGrade', () => {
  it.each([
    ['lowest of named sections', { planning: 'good', safeguarding: 'met', reporting: 'not-met' }, 'met'],
    ['ignores sections not named', { planning: 'good', safeguarding: 'good', reporting: 'not-met' }, 'good'],
    ['waits for every named section', { planning: 'good', reporting: 'met' }, null],
    ['ignores grades not on the scale', { planning: 'excellent', safeguarding: 'good' }, null],
  ])('lowest-of: %s', (_label, grades, expected) => {
    expect(suggestOverallGrade(rubric(), grades)).toBe(expected);
  });

  it.each([
    ['the most common grade', { planning: 'met', safeguarding: 'met', reporting: 'good' }, 'met'],
    ['a tie goes to the lower grade', { planning: 'good', safeguarding: 'not-met' }, 'not-met'],
    ['one grade is enough', { reporting: 'good' }, 'good'],
    ['nothing graded', {}, null],
  ])('most-common: %s', (_label, grades, expected) => {
    expect(suggestOverallGrade(rubric({ overallRule: { kind: 'most-common' } }), grades)).toBe(expected);
  });

  it('lowest-section needs every section graded', () => {
    const content = rubric({ overallRule: { kind: 'lowest-section' } });
    expect(suggestOverallGrade(content, { planning: 'good', safeguarding: 'good' })).toBeNull();
    expect(suggestOverallGrade(content, { planning: 'good', safeguarding: 'good', reporting: 'met' })).toBe(
      'met',
    );
  });

  it('none never suggests', () => {
    expect(
      suggestOverallGrade(rubric({ overallRule: { kind: 'none' } }), {
        planning: 'good',
        safeguarding: 'good',
        reporting: 'good',
      }),
    ).toBeNull();
  });

  it('works on a four-point scale', () => {
    expect(
      suggestOverallGrade(LOCAL_QUALITY_IMPACT_TOOL, {
        chronology: 'good',
        assessments: 'outstanding',
        plans: 'good',
        visiting: 'requires-improvement',
      }),
    ).toBe('good');
  });

  it('describes the rule in words', () => {
    expect(describeOverallRule(rubric())).toBe('No higher than the lowest of planning and safeguarding');
    expect(describeOverallRule(rubric({ overallRule: { kind: 'most-common' } }))).toMatch(/most common/);
  });
});

describe('publishProblems', () => {
  it('passes a complete document', () => {
    expect(publishProblems(rubric(), null)).toEqual([]);
  });

  it('lists every reason an incomplete draft cannot be published', () => {
    const content = rubric({
      scale: {
        levels: [
          { key: 'good', label: 'Good', isGoodOrAbove: true },
          { key: 'met', label: '', isGoodOrAbove: false },
        ],
        lowestLevelKey: null,
      },
      sections: [
        section('planning', {
          guidance: '',
          descriptors: { good: 'g' },
          questions: [{ key: 'q1', text: '' }],
        }),
        section('safeguarding', { title: '' }),
      ],
      themes: [],
      overallRule: { kind: 'lowest-of', sectionKeys: ['missing'] },
    });
    expect(publishProblems(content, null)).toEqual([
      'Grade level 2 has no name.',
      'The grade scale has no lowest level (the one that sends a case to area review).',
      'Section "planning" has no guidance.',
      'Section "planning" has no descriptor for "an unnamed level".',
      'Section "planning", question 1 has no text.',
      'Section 2 has no title.',
      'The document has no themes for strengths and learning points.',
      'The overall-grade rule names a section that is not in the document.',
    ]);
  });

  it.each([
    [
      'one level',
      { levels: [{ key: 'good', label: 'Good', isGoodOrAbove: true }], lowestLevelKey: 'good' },
      /at least two levels/,
    ],
    [
      'no Good or above',
      {
        levels: THREE_POINT_SCALE.levels.map((level) => ({ ...level, isGoodOrAbove: false })),
        lowestLevelKey: 'not-met',
      },
      /No grade level counts/,
    ],
    [
      'lowest counted as good',
      {
        levels: THREE_POINT_SCALE.levels.map((level) => ({ ...level, isGoodOrAbove: true })),
        lowestLevelKey: 'not-met',
      },
      /cannot count as "Good or above"/,
    ],
    ['lowest not last', { ...THREE_POINT_SCALE, lowestLevelKey: 'met' }, /must be the last level/],
    [
      'a gap in Good or above',
      {
        levels: [
          { key: 'good', label: 'Good', isGoodOrAbove: false },
          { key: 'met', label: 'Met', isGoodOrAbove: true },
          { key: 'not-met', label: 'Not Met', isGoodOrAbove: false },
        ],
        lowestLevelKey: 'not-met',
      },
      /top levels/,
    ],
    [
      'a duplicate level',
      {
        levels: [
          { key: 'a', label: 'Good', isGoodOrAbove: true },
          { key: 'b', label: 'good', isGoodOrAbove: false },
        ],
        lowestLevelKey: 'b',
      },
      /more than once/,
    ],
  ])('refuses a scale with %s', (_label, scale, message) => {
    const content = rubric({
      scale,
      sections: [
        section('planning', {
          descriptors: Object.fromEntries(scale.levels.map((level) => [level.key, 'd'])),
        }),
      ],
      overallRule: { kind: 'most-common' },
    });
    expect(publishProblems(content, null).join('\n')).toMatch(message);
  });

  it('refuses no sections, duplicate section titles and duplicate themes', () => {
    expect(publishProblems(rubric({ sections: [], overallRule: { kind: 'none' } }), null)).toContain(
      'The document has no sections.',
    );
    expect(
      publishProblems(
        rubric({
          sections: [section('a', { title: 'Same' }), section('b', { title: 'same' })],
          overallRule: { kind: 'none' },
        }),
        null,
      ),
    ).toContain('Two sections are called "same".');
    expect(
      publishProblems(
        rubric({
          themes: [
            { key: 'a', label: 'X' },
            { key: 'b', label: 'x' },
          ],
        }),
        null,
      ),
    ).toContain('The theme "x" appears more than once.');
    expect(publishProblems(rubric({ overallRule: { kind: 'lowest-of', sectionKeys: [] } }), null)).toContain(
      'The overall-grade rule names no sections.',
    );
  });

  it('refuses a section that replaces something the previous version does not have', () => {
    const next = rubric({
      sections: [
        section('planning', { replaces: ['planning'] }),
        section('safeguarding', { replaces: ['gone'] }),
      ],
    });
    expect(publishProblems(next, rubric())).toEqual([
      'Section "safeguarding" replaces a section that is not in the previous version.',
    ]);
  });

  it('passes the seeded documents', () => {
    expect(publishProblems(NATIONAL_THRESHOLD_2013, null)).toEqual([]);
    expect(publishProblems(NATIONAL_THRESHOLD_OCTOBER_2014, NATIONAL_THRESHOLD_2013)).toEqual([]);
    expect(publishProblems(LOCAL_QUALITY_IMPACT_TOOL, null)).toEqual([]);
    for (const content of [
      NATIONAL_THRESHOLD_2013,
      NATIONAL_THRESHOLD_OCTOBER_2014,
      LOCAL_QUALITY_IMPACT_TOOL,
    ])
      expect(() => RubricContentSchema.parse(content)).not.toThrow();
  });

  it('passes a blank rubric only once it is filled in', () => {
    expect(publishProblems(blankRubric(FOUR_POINT_SCALE), null)).toEqual([
      'The document has no sections.',
      'The document has no themes for strengths and learning points.',
    ]);
  });
});

describe('versions', () => {
  it('starts a new version as a copy whose sections replace themselves, without sharing objects', () => {
    const previous = rubric();
    const draft = draftFromPrevious(previous);
    expect(draft.sections.map((s) => [s.key, s.replaces])).toEqual([
      ['planning', ['planning']],
      ['safeguarding', ['safeguarding']],
      ['reporting', ['reporting']],
    ]);
    draft.sections[0]!.descriptors.good = 'changed';
    (draft.overallRule as { sectionKeys: string[] }).sectionKeys.push('reporting');
    expect(previous.sections[0]!.descriptors.good).toBe('g');
    expect(previous.overallRule).toEqual({ kind: 'lowest-of', sectionKeys: ['planning', 'safeguarding'] });
    expect(publishProblems(draftFromPrevious(previous), previous)).toEqual([]);
  });

  it('maps each previous section to the sections that carry it on', () => {
    const successors = successorsOf(NATIONAL_THRESHOLD_OCTOBER_2014);
    expect(successors.get('recording-and-planning')).toEqual(['case-recording', 'case-planning']);
    expect(successors.get('child-engagement')).toEqual(['voice-of-the-child']);
    expect(successors.get('safeguarding')).toEqual(['safeguarding']);
    expect([...successors.values()].flat()).not.toContain('supervision');
  });
});
