import { describe, expect, it } from 'vitest';
import { judgementWords } from '@/lib/domain/board-pack';

describe('judgementWords', () => {
  const day = (iso: string) => `day ${iso}`;
  it('names the judgement on its source’s own scale, with when, who and which review', () => {
    expect(
      judgementWords(
        {
          judgement: 'ongoing',
          scale: 'MET_ONGOING',
          reason: 'Liaison not yet kept up through the case',
          judgedOn: '2015-03-03',
          judgedBy: 'Nadia Das',
          reviewTitle: 'Final review',
        },
        day,
      ),
    ).toBe('Ongoing (day 2015-03-03, Nadia Das, Final review)');
    expect(
      judgementWords(
        {
          judgement: 'satisfactory',
          scale: 'SATISFACTORY_INADEQUATE',
          reason: 'Evidence seen',
          judgedOn: '2009-06-11',
          judgedBy: 'Sara Mensah',
          reviewTitle: 'Final review',
        },
        day,
      ),
    ).toBe('Satisfactory progress (day 2009-06-11, Sara Mensah, Final review)');
  });
  it('says when there is none', () => {
    expect(judgementWords(null, day)).toBe('Not yet judged');
  });
});
