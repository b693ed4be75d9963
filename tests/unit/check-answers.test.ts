import { describe, expect, it } from 'vitest';
import { NATIONAL_THRESHOLD_OCTOBER_2014 as content } from '../../prisma/seed/thresholds';
import { answersToCheck } from '@/lib/domain/check-answers';
import { emptyAnswers, type GradingAnswers } from '@/lib/domain/grading';

function gradedMet(): GradingAnswers {
  const answers = emptyAnswers(content);
  for (const section of content.sections)
    answers.sections[section.key] = {
      grade: 'met',
      evidence: `Evidence for ${section.title}`,
      questions: Object.fromEntries(section.questions.map((question) => [question.key, 'no' as const])),
    };
  return {
    ...answers,
    strengths: [{ key: 's1', themeKey: content.themes[0]!.key, text: 'Vivid wishes and feelings work.' }],
    childrenSeen: 'NOT_SEEN_REASON_RECORDED',
    childrenNotSeenReason: 'The child was in hospital.',
    qa: { collaborative: true, familyFeedback: false, managementOversight: true, supervision: null },
    overallGrade: 'met',
    overallRationale: '',
  };
}

describe('check your answers', () => {
  it('lists every answer in the form’s order, in words, each with the field that changes it', () => {
    const groups = answersToCheck(content, gradedMet());
    expect(groups.map((group) => group.title)).toEqual([
      ...content.sections.map((section, index) => `${index + 1}. ${section.title}`),
      'Strengths',
      'Learning points',
      'Children seen',
      'Quality assurance',
      'Overall grade',
    ]);
    const first = content.sections[0]!;
    expect(groups[0]!.rows.slice(0, 2)).toEqual([
      { field: `section-${first.key}-grade`, question: 'Grade', answer: 'Met' },
      { field: `section-${first.key}-evidence`, question: 'Evidence', answer: `Evidence for ${first.title}` },
    ]);
    expect(groups[0]!.rows.slice(2).map((row) => row.answer)).toEqual(first.questions.map(() => 'No'));
    const byTitle = (title: string) => groups.find((group) => group.title === title)!.rows;
    expect(byTitle('Strengths')).toEqual([
      {
        field: 'strength-0-text',
        question: `Strength 1 (${content.themes[0]!.label})`,
        answer: 'Vivid wishes and feelings work.',
      },
    ]);
    expect(byTitle('Learning points')).toEqual([
      { field: 'add-learning', question: 'Learning points', answer: 'None' },
    ]);
    expect(byTitle('Children seen')).toEqual([
      { field: 'childrenSeen', question: 'Children seen', answer: 'Not seen – reason recorded' },
      { field: 'childrenNotSeenReason', question: 'Why not seen', answer: 'The child was in hospital.' },
    ]);
    expect(byTitle('Quality assurance').map((row) => row.answer)).toEqual([
      'Yes',
      'No',
      'Yes',
      'Not answered',
    ]);
    expect(byTitle('Overall grade')).toEqual([
      { field: 'overallGrade', question: 'Overall grade', answer: 'Met' },
      { field: 'overallRationale', question: 'Rationale', answer: 'None given' },
    ]);
  });

  it('says what is not answered rather than leaving it blank', () => {
    const groups = answersToCheck(content, emptyAnswers(content));
    expect(groups[0]!.rows[0]).toMatchObject({ question: 'Grade', answer: 'Not answered' });
    expect(groups.at(-1)!.rows[0]).toMatchObject({ question: 'Overall grade', answer: 'Not answered' });
    const fields = groups.flatMap((group) => group.rows.map((row) => row.field));
    expect(new Set(fields).size).toBe(fields.length);
  });
});
