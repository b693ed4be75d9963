import { describe, expect, it } from 'vitest';
import {
  drawModerationSample,
  parseModerationPeriod,
  periodsOverlap,
  type ModerationCandidate,
} from '@/lib/domain/moderation-draw';

function candidates(perManager: Record<string, number>): ModerationCandidate[] {
  return Object.entries(perManager).flatMap(([managerId, count]) =>
    Array.from({ length: count }, (_, index) => ({
      caseAuditId: `${managerId}-case-${String(index).padStart(3, '0')}`,
      managerId,
    })),
  );
}

describe('drawModerationSample', () => {
  const pool = candidates({ m1: 40, m2: 30, m3: 20, m4: 10 });

  it('is reproducible: the same cases, share and seed give the same draw, in any order', () => {
    const first = drawModerationSample(pool, { sharePercent: 10, seed: 'A1 2023-Q2' });
    const again = drawModerationSample([...pool].reverse(), { sharePercent: 10, seed: 'A1 2023-Q2' });
    expect(again.chosen).toEqual(first.chosen);
    const other = drawModerationSample(pool, { sharePercent: 10, seed: 'another seed' });
    expect(other.chosen.map((c) => c.caseAuditId)).not.toEqual(first.chosen.map((c) => c.caseAuditId));
  });

  it('draws the share, rounded up, with no repeats', () => {
    const draw = drawModerationSample(pool, { sharePercent: 10, seed: 's' });
    expect(draw.target).toBe(10);
    expect(draw.chosen).toHaveLength(10);
    expect(draw.extraForCoverage).toBe(0);
    expect(new Set(draw.chosen.map((c) => c.caseAuditId)).size).toBe(10);
    expect(drawModerationSample(candidates({ m1: 11 }), { sharePercent: 10, seed: 's' }).chosen).toHaveLength(
      2,
    );
    expect(drawModerationSample(candidates({ m1: 1 }), { sharePercent: 10, seed: 's' }).chosen).toHaveLength(
      1,
    );
    expect(drawModerationSample([], { sharePercent: 10, seed: 's' })).toEqual({
      chosen: [],
      target: 0,
      extraForCoverage: 0,
    });
  });

  it('represents every manager at least once, beyond the share when it must', () => {
    const skewed = candidates({ m1: 25, m2: 1, m3: 1, m4: 1, m5: 1, m6: 1 });
    for (const seed of ['a', 'b', 'c', 'd']) {
      const draw = drawModerationSample(skewed, { sharePercent: 10, seed });
      expect(draw.target).toBe(3);
      expect(draw.chosen).toHaveLength(6);
      expect(draw.extraForCoverage).toBe(3);
      expect(new Set(draw.chosen.map((c) => c.managerId))).toEqual(
        new Set(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']),
      );
    }
    const plenty = drawModerationSample(pool, { sharePercent: 10, seed: 'x' });
    expect(new Set(plenty.chosen.map((c) => c.managerId)).size).toBe(4);
  });

  it('never draws a case already moderated, and counts it towards the share and its manager', () => {
    const already = new Set(['m1-case-000', 'm2-case-000', 'm3-case-000', 'm4-case-000']);
    const draw = drawModerationSample(pool, { sharePercent: 10, seed: 's', alreadyModerated: already });
    expect(draw.chosen).toHaveLength(6);
    expect(draw.chosen.some((c) => already.has(c.caseAuditId))).toBe(false);
  });

  it('refuses a share outside 1–100 and a case listed twice', () => {
    expect(() => drawModerationSample(pool, { sharePercent: 0, seed: 's' })).toThrow(RangeError);
    expect(() => drawModerationSample(pool, { sharePercent: 10.5, seed: 's' })).toThrow(RangeError);
    expect(() => drawModerationSample([...pool, pool[0]!], { sharePercent: 10, seed: 's' })).toThrow(
      /more than once/,
    );
  });
});

describe('parseModerationPeriod', () => {
  it.each([
    ['2023-04', 'April 2023', '2023-04-01', '2023-05-01'],
    ['2023-12', 'December 2023', '2023-12-01', '2024-01-01'],
    ['2023-Q2', 'April to June 2023', '2023-04-01', '2023-07-01'],
    ['2023-Q4', 'October to December 2023', '2023-10-01', '2024-01-01'],
  ])('%s runs from %s', (key, label, from, to) => {
    expect(parseModerationPeriod(key)).toEqual({ key, label, from, to });
  });

  it.each(['2023-13', '2023-00', '2023-Q5', '23-04', '2023-4', 'April', '1800-01'])(
    '%s is no period',
    (key) => {
      expect(parseModerationPeriod(key)).toBeNull();
    },
  );

  it('finds a quarter overlapping its months, and not its neighbours', () => {
    const q2 = parseModerationPeriod('2023-Q2')!;
    expect(periodsOverlap(q2, parseModerationPeriod('2023-05')!)).toBe(true);
    expect(periodsOverlap(q2, parseModerationPeriod('2023-07')!)).toBe(false);
    expect(periodsOverlap(q2, parseModerationPeriod('2023-03')!)).toBe(false);
    expect(periodsOverlap(q2, q2)).toBe(true);
  });
});
