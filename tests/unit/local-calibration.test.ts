import { describe, expect, it } from 'vitest';
import { assembleLocalCalibration, naturalCompare, type PairCount } from '@/lib/domain/local-calibration';

const FOUR = ['outstanding', 'good', 'requires-improvement', 'inadequate'];
const THREE = ['good', 'met', 'not-met'];
const LABELS = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires Improvement',
  inadequate: 'Inadequate',
  met: 'Met',
  'not-met': 'Not Met',
};

function row(overrides: Partial<PairCount> & Pick<PairCount, 'first' | 'second' | 'count'>): PairCount {
  return {
    serviceAreaId: 'a3',
    areaCode: 'A3',
    teamId: 't1',
    teamName: 'North',
    managerId: 'm1',
    managerName: 'Sam Moore',
    levels: FOUR,
    ...overrides,
  };
}

describe('assembleLocalCalibration', () => {
  // A3: Sam Moore grades 6 of 8 cases a step above the Head of Practice (mean +0.75, t interval 0.36 to 1.14).
  // A1: Ann Lee agrees on 3 and is a step below on 1 (mean −0.25, within the noise).
  const moderation: PairCount[] = [
    row({ first: 'good', second: 'requires-improvement', count: 6 }),
    row({ first: 'good', second: 'good', count: 2 }),
    row({
      serviceAreaId: 'a1',
      areaCode: 'A1',
      teamId: null,
      teamName: null,
      managerId: 'm2',
      managerName: 'Ann Lee',
      first: 'good',
      second: 'good',
      count: 3,
    }),
    row({
      serviceAreaId: 'a1',
      areaCode: 'A1',
      teamId: null,
      teamName: null,
      managerId: 'm2',
      managerName: 'Ann Lee',
      first: 'requires-improvement',
      second: 'good',
      count: 1,
    }),
    // Graded on another scale: left out of a four-point comparison.
    row({ levels: THREE, first: 'good', second: 'met', count: 2 }),
  ];
  const view = assembleLocalCalibration(moderation, [], LABELS);

  it('compares on the scale most pairs use, and counts what it leaves out', () => {
    expect(view.moderation.levels.map((level) => level.label)).toEqual([
      'Outstanding',
      'Good',
      'Requires Improvement',
      'Inadequate',
    ]);
    expect(view.moderation.overall.pairs).toBe(12);
    expect(view.moderation.leftOut).toBe(2);
  });

  it('gives agreement and bias per area, team and manager, areas by code', () => {
    const [a1, a3] = view.moderation.areas;
    expect(a1!.label).toBe('A1');
    expect(a1!.pairs).toBe(4);
    expect(a1!.agreement.percentAgreement.value).toBeCloseTo(0.75, 10);
    expect(a1!.bias.meanDifference).toBeCloseTo(-0.25, 10);
    expect(a1!.bias.isMoreGenerous).toBe(false);
    expect(a1!.teams.map((team) => team.label)).toEqual(['No team']);
    expect(a3!.pairs).toBe(8);
    expect(a3!.agreement.percentAgreement.value).toBeCloseTo(0.25, 10);
    expect(a3!.bias.meanDifference).toBeCloseTo(0.75, 10);
    expect(a3!.bias.interval!.low).toBeCloseTo(0.362937, 5);
    expect(a3!.managers.map((manager) => [manager.label, manager.pairs])).toEqual([['Sam Moore', 8]]);
    expect(a3!.agreement.weightedKappa.value).not.toBeNull();
    expect(a3!.agreement.gwetsAc1.value).not.toBeNull();
  });

  it('says the flag in words for each group beyond noise', () => {
    expect(view.flags).toEqual([
      'Managers in A3 grade more generously than their Head of Practice: +0.8 grade steps (95% interval 0.4 to 1.1).',
      'Managers of North grade more generously than their Head of Practice: +0.8 grade steps (95% interval 0.4 to 1.1).',
      'Sam Moore grades more generously than their Head of Practice: +0.8 grade steps (95% interval 0.4 to 1.1).',
    ]);
  });

  it('has empty comparisons when nothing was paired', () => {
    expect(view.national.overall.pairs).toBe(0);
    expect(view.national.areas).toEqual([]);
    expect(view.national.leftOut).toBe(0);
    expect(view.national.overall.biasWords).toBe('Managers: no pairs to compare yet.');
  });
});

describe('naturalCompare', () => {
  it('orders area codes by their numbers', () => {
    expect(['A10', 'A2', 'A15 Public', 'A1', 'A15 Private'].sort(naturalCompare)).toEqual([
      'A1',
      'A2',
      'A10',
      'A15 Private',
      'A15 Public',
    ]);
  });
});
