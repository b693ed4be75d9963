import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateLargestRemainder,
  assertSamplingParameters,
  DEFAULT_SHARE_PERCENT,
  drawSample,
  latestEligibleWork,
  nextReserve,
  sampleSizeFor,
  seededRandom,
  seededShuffle,
  stratumKey,
  type AreaSample,
  type FiledWork,
  type LawType,
  type Sample,
  type SamplingParameters,
  type StratumSample,
} from '@/lib/domain/sampling';

const LAW_TYPES: LawType[] = ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'];

const params = (overrides: Partial<SamplingParameters> = {}): SamplingParameters => ({
  seed: 'november-2014',
  sharePercent: DEFAULT_SHARE_PERCENT,
  windowFrom: '2014-09-01',
  windowTo: '2014-10-31',
  lawTypes: [...LAW_TYPES],
  serviceAreaIds: ['a1'],
  ...overrides,
});

let counter = 0;
const filed = (overrides: Partial<FiledWork> = {}): FiledWork => {
  counter += 1;
  return {
    caseFileId: `cf-${counter}`,
    caseReference: `REF-${String(counter).padStart(4, '0')}`,
    practitionerId: `p-${counter}`,
    serviceAreaId: 'a1',
    lawType: 'PUBLIC_LAW',
    performanceBand: null,
    filedOn: '2014-10-01',
    ...overrides,
  };
};

/** `count` practitioners, one filing each, in one area and stratum. */
const practitioners = (count: number, overrides: Partial<FiledWork> = {}, prefix = 'p'): FiledWork[] =>
  Array.from({ length: count }, (_, index) =>
    filed({ practitionerId: `${prefix}${String(index).padStart(3, '0')}`, ...overrides }),
  );

const area = (sample: Sample, serviceAreaId = 'a1'): AreaSample => {
  const found = sample.areas.find((candidate) => candidate.serviceAreaId === serviceAreaId);
  if (!found) throw new Error(`no area ${serviceAreaId}`);
  return found;
};

const stratum = (sample: Sample, key: string, serviceAreaId = 'a1'): StratumSample => {
  const found = area(sample, serviceAreaId).strata.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no stratum ${key}`);
  return found;
};

const selectedIds = (sample: Sample): string[] =>
  sample.areas.flatMap((a) => a.strata.flatMap((s) => s.selected.map((p) => p.practitionerId)));

const caseIdsInStrata = (sample: Sample): string[] =>
  sample.areas.flatMap((a) =>
    a.strata.flatMap((s) => [...s.selected, ...s.reserve].map((p) => p.caseFileId)),
  );

/** Fisher–Yates to scramble the input order in a test, separate from the code under test. */
const scramble = <T>(items: readonly T[], random: () => number): T[] => {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
};

describe('assertSamplingParameters', () => {
  it.each([
    ['the national 50%', {}],
    ['1%', { sharePercent: 1 }],
    ['100%', { sharePercent: 100 }],
    ['a one-day window', { windowFrom: '2014-10-01', windowTo: '2014-10-01' }],
    ['no law types or areas (an empty sample)', { lawTypes: [], serviceAreaIds: [] }],
  ] as [string, Partial<SamplingParameters>][])('accepts %s', (_label, override) => {
    expect(() => assertSamplingParameters(params(override))).not.toThrow();
  });

  it.each([
    ['0%', { sharePercent: 0 }, /sharePercent must be a whole number from 1 to 100 \(got 0\)/],
    ['101%', { sharePercent: 101 }, /sharePercent .*got 101/],
    ['a negative share', { sharePercent: -50 }, /sharePercent/],
    ['a fractional share', { sharePercent: 50.5 }, /sharePercent .*got 50.5/],
    ['NaN', { sharePercent: Number.NaN }, /sharePercent/],
    ['Infinity', { sharePercent: Number.POSITIVE_INFINITY }, /sharePercent/],
    [
      'a window that ends before it starts',
      { windowFrom: '2014-10-31', windowTo: '2014-09-01' },
      /windowFrom \(2014-10-31\) must be on or before windowTo \(2014-09-01\)/,
    ],
    [
      'a window ending the day before it starts',
      { windowFrom: '2014-10-02', windowTo: '2014-10-01' },
      /windowFrom/,
    ],
    ['an unreadable windowFrom', { windowFrom: '1/9/2014' }, /windowFrom must be a calendar date/],
    ['an impossible windowTo', { windowTo: '2014-02-30' }, /windowTo must be a calendar date/],
  ] as const)('refuses %s with a RangeError', (_label, override, message) => {
    expect(() => assertSamplingParameters(params(override))).toThrow(RangeError);
    expect(() => assertSamplingParameters(params(override))).toThrow(message);
    expect(() => drawSample([filed()], params(override))).toThrow(RangeError);
  });
});

describe('sampleSizeFor', () => {
  it.each([
    [0, 50, 0],
    [1, 50, 1], // half of one practitioner rounds up: a one-person area is still audited
    [2, 50, 1],
    [3, 50, 2],
    [4, 50, 2],
    [5, 50, 3],
    [10, 50, 5],
    [1154, 50, 577],
    [3, 100, 3],
    [3, 1, 1],
    [100, 1, 1],
    [101, 1, 2],
    [7, 33, 3], // 2.31 → 3
    [3, 33, 1], // 0.99 → 1
    [100, 33, 33], // exactly 33: no rounding up of an exact answer
  ])('N = %i at %i%% → %i', (population, share, expected) => {
    expect(sampleSizeFor(population, share)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('refuses a population of %s', (population) => {
    expect(() => sampleSizeFor(population, 50)).toThrow(RangeError);
  });
});

describe('allocateLargestRemainder', () => {
  const allocate = (total: number, sizes: Record<string, number>): Record<string, number> =>
    Object.fromEntries(
      allocateLargestRemainder(
        total,
        Object.entries(sizes).map(([key, size]) => ({ key, size })),
      ),
    );

  it.each([
    // 5 over 5,3,2 (N 10): quotas 2.5, 1.5, 1.0 → floors 2,1,1 = 4; one unit left; a and b tie
    // on remainder .5, the tie goes to the first key: a. (Rounding would give 3+2+1 = 6.)
    ['5 over a5 b3 c2: a tie on .5 to the first key', 5, { a: 5, b: 3, c: 2 }, { a: 3, b: 1, c: 1 }],
    // The same sizes under other names: the tie now goes to "a", the stratum of 3.
    ['5 over b5 a3 c2: the tie follows the key, not the size', 5, { b: 5, a: 3, c: 2 }, { b: 2, a: 2, c: 1 }],
    // 7 over 6,4,3 (N 13): quotas 42/13 = 3.23, 28/13 = 2.15, 21/13 = 1.62 → floors 3,2,1 = 6;
    // the unit left goes to the largest remainder, c (.62).
    ['7 over 6,4,3: the largest remainder wins', 7, { a: 6, b: 4, c: 3 }, { a: 3, b: 2, c: 2 }],
    // 2 over 1,1,1 (N 3): quotas .67 each → floors 0; two units to a and b. (Rounding: 3.)
    ['2 over 1,1,1', 2, { a: 1, b: 1, c: 1 }, { a: 1, b: 1, c: 0 }],
    // 4 over 3,3,3 (N 9): quotas 1.33 each → floors 1,1,1 = 3; one unit to a. (Rounding: 3.)
    ['4 over 3,3,3', 4, { a: 3, b: 3, c: 3 }, { a: 2, b: 1, c: 1 }],
    // 10 over 61,25,14 (N 100): quotas 6.1, 2.5, 1.4 → floors 6,2,1 = 9; b's .5 is largest.
    ['10 over 61,25,14', 10, { a: 61, b: 25, c: 14 }, { a: 6, b: 3, c: 1 }],
    // 3 over 1,1,1,1,1,1,1 (N 7): quotas 3/7 each; ties all the way down, by key.
    [
      '3 over seven singletons',
      3,
      { g: 1, f: 1, e: 1, d: 1, c: 1, b: 1, a: 1 },
      { a: 1, b: 1, c: 1, d: 0, e: 0, f: 0, g: 0 },
    ],
    ['nothing to allocate', 0, { a: 5, b: 3 }, { a: 0, b: 0 }],
    ['everyone', 8, { a: 5, b: 3 }, { a: 5, b: 3 }],
    ['one stratum takes it all', 4, { a: 7 }, { a: 4 }],
    ['an empty stratum gets nothing', 3, { a: 4, b: 0, c: 2 }, { a: 2, b: 0, c: 1 }],
    ['no strata, nothing to allocate', 0, {}, {}],
    ['only empty strata', 0, { a: 0, b: 0 }, { a: 0, b: 0 }],
  ])('%s', (_label, total, sizes, expected) => {
    const result = allocate(total, sizes);
    expect(result).toEqual(expected);
    expect(Object.values(result).reduce((sum, value) => sum + value, 0)).toBe(total);
  });

  it('keeps the order of the sizes it was given', () => {
    const result = allocateLargestRemainder(3, [
      { key: 'z', size: 2 },
      { key: 'a', size: 2 },
      { key: 'm', size: 2 },
    ]);
    expect([...result.keys()]).toEqual(['z', 'a', 'm']);
    expect([...result.values()]).toEqual([1, 1, 1]);
  });

  it.each([
    ['more than the population', 6, [{ key: 'a', size: 5 }], /cannot allocate 6 across a population of 5/],
    ['something from no one', 1, [], /cannot allocate 1 across a population of 0/],
    ['a negative total', -1, [{ key: 'a', size: 5 }], /total/],
    ['a fractional total', 1.5, [{ key: 'a', size: 5 }], /total/],
    ['a negative size', 1, [{ key: 'a', size: -1 }], /size of "a"/],
    ['a fractional size', 1, [{ key: 'a', size: 2.5 }], /size of "a"/],
    [
      'a repeated key',
      1,
      [
        { key: 'a', size: 1 },
        { key: 'a', size: 1 },
      ],
      /key "a" appears more than once/,
    ],
  ])('refuses %s', (_label, total, sizes, message) => {
    expect(() => allocateLargestRemainder(total, sizes)).toThrow(RangeError);
    expect(() => allocateLargestRemainder(total, sizes)).toThrow(message);
  });

  const sizesAndTotal = fc
    .uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 4 }), size: fc.nat({ max: 40 }) }), {
      selector: (entry) => entry.key,
      minLength: 1,
      maxLength: 9,
    })
    .chain((sizes) => {
      const population = sizes.reduce((sum, entry) => sum + entry.size, 0);
      return fc.tuple(fc.constant(sizes), fc.integer({ min: 0, max: population }));
    });

  it('sums to the total, never exceeds a size and stays within floor/ceil of every quota', () => {
    fc.assert(
      fc.property(sizesAndTotal, ([sizes, total]) => {
        const population = sizes.reduce((sum, entry) => sum + entry.size, 0);
        const result = allocateLargestRemainder(total, sizes);
        let sum = 0;
        for (const { key, size } of sizes) {
          const given = result.get(key);
          expect(given).toBeDefined();
          const units = given ?? 0;
          sum += units;
          expect(units).toBeLessThanOrEqual(size);
          const quota = population === 0 ? 0 : (total * size) / population;
          expect(units).toBeGreaterThanOrEqual(Math.floor(quota));
          expect(units).toBeLessThanOrEqual(Math.ceil(quota));
        }
        expect(sum).toBe(total);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the sizes', () => {
    fc.assert(
      fc.property(
        sizesAndTotal.chain(([sizes, total]) =>
          fc.tuple(
            fc.constant(sizes),
            fc.shuffledSubarray(sizes, { minLength: sizes.length, maxLength: sizes.length }),
            fc.constant(total),
          ),
        ),
        ([sizes, reordered, total]) => {
          const a = allocateLargestRemainder(total, sizes);
          const b = allocateLargestRemainder(total, reordered);
          for (const { key } of sizes) expect(b.get(key)).toBe(a.get(key));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('seededRandom and seededShuffle', () => {
  // Pinned: a recorded seed must replay past draws forever. If these change,
  // every earlier audit's sample can no longer be explained from its seed.
  it('replays the recorded sequence for a seed', () => {
    const random = seededRandom('threshold');
    expect([random(), random(), random()]).toEqual([
      0.9179053576663136, 0.24523096904158592, 0.898283802671358,
    ]);
    expect(seededShuffle(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 'threshold')).toEqual([
      'a',
      'd',
      'c',
      'e',
      'g',
      'f',
      'b',
      'h',
    ]);
  });

  it('gives the same sequence for the same seed and another for another seed', () => {
    const take = (seed: string) => {
      const random = seededRandom(seed);
      return Array.from({ length: 20 }, () => random());
    };
    expect(take('a|a1|PUBLIC_LAW|none')).toEqual(take('a|a1|PUBLIC_LAW|none'));
    expect(take('a|a1|PUBLIC_LAW|none')).not.toEqual(take('a|a2|PUBLIC_LAW|none'));
    expect(take('')).not.toEqual(take(' '));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const random = seededRandom('spread');
    const buckets = Array.from({ length: 10 }, () => 0);
    for (let index = 0; index < 20_000; index++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
      const bucket = Math.floor(value * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    // Expect 2,000 per bucket; ±10% is far outside chance for a fair generator.
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('shuffles fairly: every order of three is about equally likely across seeds', () => {
    const counts = new Map<string, number>();
    for (let index = 0; index < 6000; index++) {
      const order = seededShuffle(['x', 'y', 'z'], `seed-${index}`).join('');
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['xyz', 'xzy', 'yxz', 'yzx', 'zxy', 'zyx']);
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('returns a permutation and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const before = [...items];
        const shuffled = seededShuffle(items, seed);
        expect(items).toEqual(before);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
        expect(seededShuffle(items, seed)).toEqual(shuffled);
      }),
      { numRuns: 100 },
    );
  });
});

describe('stratumKey', () => {
  it.each([
    ['PUBLIC_LAW', 'Band 1', 'PUBLIC_LAW|Band 1'],
    ['PRIVATE_LAW_WAFH', null, 'PRIVATE_LAW_WAFH|none'],
    ['PRIVATE_LAW_WTFH', 'B', 'PRIVATE_LAW_WTFH|B'],
  ] as const)('%s × %s → %s', (lawType, band, key) => {
    expect(stratumKey(lawType, band)).toBe(key);
  });
});

describe('drawSample: the filing window', () => {
  it.each([
    ['the first day of the window', '2014-09-01', true],
    ['the last day of the window', '2014-10-31', true],
    ['a day inside', '2014-10-15', true],
    ['the day before the window', '2014-08-31', false],
    ['the day after the window', '2014-11-01', false],
    ['a year later on the same day', '2015-10-15', false],
    ['an unreadable date', '15/10/2014', false],
    ['an impossible date', '2014-09-31', false],
  ])('work filed on %s (%s) is eligible: %s', (_label, filedOn, eligible) => {
    const sample = drawSample([filed({ filedOn })], params());
    expect(area(sample).population).toBe(eligible ? 1 : 0);
    expect(caseIdsInStrata(sample)).toHaveLength(eligible ? 1 : 0);
  });

  it('a one-day window takes that day only', () => {
    const work = [
      filed({ practitionerId: 'p1', filedOn: '2014-09-30' }),
      filed({ practitionerId: 'p2', filedOn: '2014-10-01' }),
      filed({ practitionerId: 'p3', filedOn: '2014-10-02' }),
    ];
    const sample = drawSample(
      work,
      params({ windowFrom: '2014-10-01', windowTo: '2014-10-01', sharePercent: 100 }),
    );
    expect(selectedIds(sample)).toEqual(['p2']);
  });
});

describe('drawSample: the most recently filed work', () => {
  it('takes each practitioner’s latest filing in the window, and its law type and band', () => {
    const work = [
      filed({ practitionerId: 'p1', caseFileId: 'old', filedOn: '2014-09-02', lawType: 'PUBLIC_LAW' }),
      filed({
        practitionerId: 'p1',
        caseFileId: 'latest',
        filedOn: '2014-10-30',
        lawType: 'PRIVATE_LAW_WTFH',
        performanceBand: 'B',
      }),
      filed({
        practitionerId: 'p1',
        caseFileId: 'middle',
        filedOn: '2014-10-01',
        lawType: 'PRIVATE_LAW_WAFH',
      }),
      filed({ practitionerId: 'p1', caseFileId: 'too-late', filedOn: '2014-11-02' }),
    ];
    const sample = drawSample(work, params({ sharePercent: 100 }));
    expect(area(sample).population).toBe(1);
    expect(area(sample).strata.map((s) => s.key)).toEqual(['PRIVATE_LAW_WTFH|B']);
    expect(stratum(sample, 'PRIVATE_LAW_WTFH|B').selected).toEqual([
      {
        practitionerId: 'p1',
        caseFileId: 'latest',
        caseReference: expect.any(String) as string,
        filedOn: '2014-10-30',
        lawType: 'PRIVATE_LAW_WTFH',
        performanceBand: 'B',
      },
    ]);
  });

  it.each([
    ['in order', ['REF-B', 'REF-A', 'REF-C']],
    ['reversed', ['REF-C', 'REF-A', 'REF-B']],
  ])('breaks a tie on the day by case reference ascending (%s)', (_label, references) => {
    const work = references.map((caseReference) =>
      filed({
        practitionerId: 'p1',
        caseFileId: `cf-${caseReference}`,
        caseReference,
        filedOn: '2014-10-20',
      }),
    );
    work.push(
      filed({
        practitionerId: 'p1',
        caseFileId: 'cf-earlier',
        caseReference: 'REF-0',
        filedOn: '2014-10-19',
      }),
    );
    const chosen = latestEligibleWork(work, params()).get('p1');
    expect(chosen?.caseReference).toBe('REF-A');
    expect(caseIdsInStrata(drawSample(work, params()))).toEqual(['cf-REF-A']);
  });

  it('breaks a tie on day and reference by case file id, whatever the input order', () => {
    const a = filed({ practitionerId: 'p1', caseFileId: 'cf-b', caseReference: 'R', filedOn: '2014-10-20' });
    const b = filed({ practitionerId: 'p1', caseFileId: 'cf-a', caseReference: 'R', filedOn: '2014-10-20' });
    expect(latestEligibleWork([a, b], params()).get('p1')?.caseFileId).toBe('cf-a');
    expect(latestEligibleWork([b, a], params()).get('p1')?.caseFileId).toBe('cf-a');
  });

  it('looks for the latest filing among the work in scope only', () => {
    const work = [
      filed({ practitionerId: 'p1', caseFileId: 'in-scope', filedOn: '2014-09-10', lawType: 'PUBLIC_LAW' }),
      filed({
        practitionerId: 'p1',
        caseFileId: 'wrong-law',
        filedOn: '2014-10-10',
        lawType: 'PRIVATE_LAW_WTFH',
      }),
      filed({ practitionerId: 'p1', caseFileId: 'wrong-area', filedOn: '2014-10-20', serviceAreaId: 'a9' }),
    ];
    expect(caseIdsInStrata(drawSample(work, params({ lawTypes: ['PUBLIC_LAW'] })))).toEqual(['in-scope']);
  });
});

describe('drawSample: scope', () => {
  const work = [
    filed({ practitionerId: 'pub', lawType: 'PUBLIC_LAW' }),
    filed({ practitionerId: 'wafh', lawType: 'PRIVATE_LAW_WAFH' }),
    filed({ practitionerId: 'wtfh', lawType: 'PRIVATE_LAW_WTFH' }),
    filed({ practitionerId: 'elsewhere', serviceAreaId: 'a2' }),
  ];

  it.each([
    [['PUBLIC_LAW'], ['pub']],
    [
      ['PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'],
      ['wafh', 'wtfh'],
    ],
    [LAW_TYPES, ['pub', 'wafh', 'wtfh']],
    [[], []],
  ] as [LawType[], string[]][])('law types %j take %j', (lawTypes, expected) => {
    const sample = drawSample(work, params({ lawTypes, sharePercent: 100 }));
    expect(selectedIds(sample).sort()).toEqual(expected);
  });

  it('reports every area in scope, sorted, once, and no other', () => {
    const sample = drawSample(work, params({ serviceAreaIds: ['a3', 'a1', 'a3'], sharePercent: 100 }));
    expect(sample.areas.map((a) => a.serviceAreaId)).toEqual(['a1', 'a3']);
    expect(area(sample, 'a3')).toEqual({ serviceAreaId: 'a3', population: 0, sampleSize: 0, strata: [] });
    expect(selectedIds(sample)).not.toContain('elsewhere');
  });

  it('gives an empty sample for no work', () => {
    expect(drawSample([], params({ serviceAreaIds: ['a1', 'a2'] })).areas).toEqual([
      { serviceAreaId: 'a1', population: 0, sampleSize: 0, strata: [] },
      { serviceAreaId: 'a2', population: 0, sampleSize: 0, strata: [] },
    ]);
  });

  it('records the parameters it drew with, as a copy', () => {
    const parameters = params();
    const sample = drawSample(work, parameters);
    expect(sample.parameters).toEqual(parameters);
    parameters.lawTypes.push('PUBLIC_LAW');
    expect(sample.parameters.lawTypes).toEqual(LAW_TYPES);
  });
});

describe('drawSample: sample size per area', () => {
  it.each([
    [1, 50, 1],
    [2, 50, 1],
    [3, 50, 2],
    [4, 50, 2],
    [11, 50, 6],
    [3, 100, 3],
    [3, 1, 1],
    [10, 25, 3],
  ])('%i practitioners at %i%% → %i audited', (count, sharePercent, expected) => {
    const sample = drawSample(practitioners(count), params({ sharePercent }));
    const only = area(sample);
    expect(only.population).toBe(count);
    expect(only.sampleSize).toBe(expected);
    expect(selectedIds(sample)).toHaveLength(expected);
    expect(only.strata[0]?.reserve).toHaveLength(count - expected);
  });

  it('counts practitioners, not cases', () => {
    const work = [
      ...practitioners(3, { filedOn: '2014-09-10' }),
      ...practitioners(3, { filedOn: '2014-10-10' }),
      ...practitioners(3, { filedOn: '2014-10-20' }),
    ];
    const only = area(drawSample(work, params()));
    expect(only.population).toBe(3);
    expect(only.sampleSize).toBe(2);
  });

  it('sizes each area on its own', () => {
    const work = [
      ...practitioners(1, { serviceAreaId: 'a1' }, 'one-'),
      ...practitioners(2, { serviceAreaId: 'a2' }, 'two-'),
      ...practitioners(3, { serviceAreaId: 'a3' }, 'three-'),
      ...practitioners(577, { serviceAreaId: 'a4' }, 'many-'),
    ];
    const sample = drawSample(work, params({ serviceAreaIds: ['a1', 'a2', 'a3', 'a4'] }));
    expect(sample.areas.map((a) => [a.serviceAreaId, a.population, a.sampleSize])).toEqual([
      ['a1', 1, 1],
      ['a2', 2, 1],
      ['a3', 3, 2],
      ['a4', 577, 289],
    ]);
  });
});

describe('drawSample: strata', () => {
  // 10 practitioners, n = 5. Strata sorted by key with quotas n × size / N:
  //   PRIVATE_LAW_WAFH|B     3 → 1.5
  //   PRIVATE_LAW_WTFH|none  2 → 1.0
  //   PUBLIC_LAW|A           5 → 2.5
  // Floors 1 + 1 + 2 = 4; one unit left; WAFH|B and PUBLIC|A tie on .5 and the tie goes to
  // the first key, PRIVATE_LAW_WAFH|B. Quotas: 2, 1, 2.
  const work = [
    ...practitioners(5, { lawType: 'PUBLIC_LAW', performanceBand: 'A' }, 'pub-'),
    ...practitioners(3, { lawType: 'PRIVATE_LAW_WAFH', performanceBand: 'B' }, 'wafh-'),
    ...practitioners(2, { lawType: 'PRIVATE_LAW_WTFH', performanceBand: null }, 'wtfh-'),
  ];
  const sample = drawSample(work, params());

  it('groups by law type × band, sorted by key, with largest-remainder quotas', () => {
    expect(
      area(sample).strata.map((s) => [
        s.key,
        s.lawType,
        s.performanceBand,
        s.population,
        s.quota,
        s.selected.length,
      ]),
    ).toEqual([
      ['PRIVATE_LAW_WAFH|B', 'PRIVATE_LAW_WAFH', 'B', 3, 2, 2],
      ['PRIVATE_LAW_WTFH|none', 'PRIVATE_LAW_WTFH', null, 2, 1, 1],
      ['PUBLIC_LAW|A', 'PUBLIC_LAW', 'A', 5, 2, 2],
    ]);
    expect(area(sample).sampleSize).toBe(5);
  });

  it('selects from within each stratum', () => {
    for (const s of area(sample).strata) {
      for (const p of [...s.selected, ...s.reserve]) {
        expect(p.lawType).toBe(s.lawType);
        expect(p.performanceBand).toBe(s.performanceBand);
      }
    }
  });

  it('bands are the area’s own: the same band in two law types is two strata', () => {
    const mixed = [
      ...practitioners(2, { lawType: 'PUBLIC_LAW', performanceBand: 'A' }, 'x-'),
      ...practitioners(2, { lawType: 'PRIVATE_LAW_WAFH', performanceBand: 'A' }, 'y-'),
    ];
    expect(area(drawSample(mixed, params())).strata.map((s) => [s.key, s.quota])).toEqual([
      ['PRIVATE_LAW_WAFH|A', 1],
      ['PUBLIC_LAW|A', 1],
    ]);
  });

  it('never gives a stratum more than its size, even at 100%', () => {
    const all = drawSample(work, params({ sharePercent: 100 }));
    for (const s of area(all).strata) {
      expect(s.quota).toBe(s.population);
      expect(s.reserve).toEqual([]);
    }
  });
});

describe('drawSample: one case per practitioner', () => {
  it('places each practitioner once, across strata and areas', () => {
    const work = [
      filed({ practitionerId: 'p1', serviceAreaId: 'a1', lawType: 'PUBLIC_LAW', filedOn: '2014-09-05' }),
      filed({
        practitionerId: 'p1',
        serviceAreaId: 'a1',
        lawType: 'PRIVATE_LAW_WAFH',
        filedOn: '2014-09-06',
      }),
      filed({
        practitionerId: 'p1',
        serviceAreaId: 'a2',
        lawType: 'PRIVATE_LAW_WTFH',
        filedOn: '2014-10-06',
      }),
      filed({ practitionerId: 'p2', serviceAreaId: 'a1', filedOn: '2014-09-05' }),
      filed({ practitionerId: 'p2', serviceAreaId: 'a1', filedOn: '2014-09-07' }),
    ];
    const sample = drawSample(work, params({ serviceAreaIds: ['a1', 'a2'], sharePercent: 100 }));
    expect(selectedIds(sample).sort()).toEqual(['p1', 'p2']);
    expect(area(sample, 'a1').population).toBe(1);
    expect(area(sample, 'a2').population).toBe(1);
  });
});

describe('drawSample: determinism', () => {
  const work = [
    ...practitioners(40, { lawType: 'PUBLIC_LAW', performanceBand: 'A' }, 'a1-pub-'),
    ...practitioners(25, { lawType: 'PRIVATE_LAW_WAFH', performanceBand: 'B' }, 'a1-wafh-'),
    ...practitioners(30, { serviceAreaId: 'a2', lawType: 'PRIVATE_LAW_WTFH' }, 'a2-wtfh-'),
    ...practitioners(40, { filedOn: '2014-09-15' }, 'a1-pub-'), // older filings of the same people
  ];
  const parameters = params({ serviceAreaIds: ['a1', 'a2'] });

  it('draws the same sample from the same seed', () => {
    expect(drawSample(work, parameters)).toEqual(drawSample(work, parameters));
  });

  it.each([1, 2, 3, 4, 5])('draws the same sample whatever the order of the work (shuffle %i)', (round) => {
    const reordered = scramble(work, seededRandom(`scramble-${round}`));
    expect(drawSample(reordered, parameters)).toEqual(drawSample(work, parameters));
  });

  it('draws a different selection from a different seed', () => {
    const a = drawSample(work, parameters);
    const b = drawSample(work, { ...parameters, seed: 'another seed' });
    expect(selectedIds(b)).not.toEqual(selectedIds(a));
    expect(new Set(selectedIds(b))).not.toEqual(new Set(selectedIds(a)));
    // …but the same shape: sizes and quotas depend on the population only.
    expect(b.areas.map((x) => x.strata.map((s) => s.quota))).toEqual(
      a.areas.map((x) => x.strata.map((s) => s.quota)),
    );
  });

  it('draws one area without regard to another', () => {
    const alone = drawSample(
      work.filter((w) => w.serviceAreaId === 'a2'),
      parameters,
    );
    expect(area(alone, 'a2')).toEqual(area(drawSample(work, parameters), 'a2'));
  });

  it('replays a recorded draw', () => {
    // Pinned like the PRNG: the published sample of an audit must be redrawable from its seed.
    const small = practitioners(6, {}, 'pin-');
    const s = stratum(drawSample(small, params({ seed: 'threshold' })), 'PUBLIC_LAW|none');
    expect(s.selected.map((p) => p.practitionerId)).toEqual(['pin-005', 'pin-001', 'pin-002']);
    expect(s.reserve.map((p) => p.practitionerId)).toEqual(['pin-000', 'pin-004', 'pin-003']);
  });
});

describe('nextReserve', () => {
  const sample = drawSample(practitioners(6), params());
  const s = stratum(sample, 'PUBLIC_LAW|none');
  const [first, second, third] = s.reserve;
  const selected = s.selected.map((p) => p.caseFileId);

  it('has the rest of the stratum, in draw order, as its reserve', () => {
    expect(s.selected).toHaveLength(3);
    expect(s.reserve).toHaveLength(3);
    expect([...s.selected, ...s.reserve].map((p) => p.practitionerId).sort()).toEqual(
      practitioners(6).map((p) => p.practitionerId),
    );
  });

  it.each([
    ['nothing used yet', [], first],
    ['the sample itself in use', selected, first],
    ['the first replacement used', [...selected, first?.caseFileId ?? ''], second],
    ['the second used but not the first', [second?.caseFileId ?? ''], first],
    ['the first two used', [first?.caseFileId ?? '', second?.caseFileId ?? ''], third],
    ['every replacement used', s.reserve.map((p) => p.caseFileId), null],
  ])('with %s', (_label, used, expected) => {
    expect(nextReserve(s, new Set(used))).toEqual(expected);
  });

  it('has nothing to offer from a stratum taken whole', () => {
    const whole = stratum(drawSample(practitioners(2), params({ sharePercent: 100 })), 'PUBLIC_LAW|none');
    expect(nextReserve(whole, new Set())).toBeNull();
  });
});

// --- Properties over random populations -------------------------------------------------------

const AREAS = ['a1', 'a2', 'a3'];
const BANDS = [null, 'A', 'B', 'C'];
const DAYS = ['2014-08-31', '2014-09-01', '2014-09-15', '2014-10-01', '2014-10-31', '2014-11-01'];

const randomWork: fc.Arbitrary<FiledWork[]> = fc
  .array(
    fc.record({
      practitioner: fc.integer({ min: 0, max: 40 }),
      serviceAreaId: fc.constantFrom(...AREAS),
      lawType: fc.constantFrom(...LAW_TYPES),
      performanceBand: fc.constantFrom(...BANDS),
      filedOn: fc.constantFrom(...DAYS),
      reference: fc.integer({ min: 0, max: 5 }), // few references, so same-day ties happen
    }),
    { maxLength: 120 },
  )
  .map((rows) =>
    rows.map((row, index): FiledWork => ({
      caseFileId: `cf-${index}`,
      caseReference: `R${row.reference}`,
      practitionerId: `p${row.practitioner}`,
      serviceAreaId: row.serviceAreaId,
      lawType: row.lawType,
      performanceBand: row.performanceBand,
      filedOn: row.filedOn,
    })),
  );

const randomParameters: fc.Arbitrary<SamplingParameters> = fc.record({
  seed: fc.string({ maxLength: 8 }),
  sharePercent: fc.integer({ min: 1, max: 100 }),
  windowFrom: fc.constantFrom('2014-09-01', '2014-09-15'),
  windowTo: fc.constantFrom('2014-10-01', '2014-10-31'),
  lawTypes: fc.subarray(LAW_TYPES),
  serviceAreaIds: fc.subarray(AREAS),
});

/** An independent reading of the rule: filter, then sort each practitioner's filings. */
function expectedPlacement(work: FiledWork[], p: SamplingParameters): Map<string, FiledWork> {
  const eligible = work.filter(
    (w) =>
      p.lawTypes.includes(w.lawType) &&
      p.serviceAreaIds.includes(w.serviceAreaId) &&
      w.filedOn >= p.windowFrom &&
      w.filedOn <= p.windowTo,
  );
  const placement = new Map<string, FiledWork>();
  for (const id of new Set(eligible.map((w) => w.practitionerId))) {
    const mine = eligible
      .filter((w) => w.practitionerId === id)
      .sort((a, b) =>
        a.filedOn !== b.filedOn
          ? a.filedOn < b.filedOn
            ? 1
            : -1
          : a.caseReference !== b.caseReference
            ? a.caseReference < b.caseReference
              ? -1
              : 1
            : a.caseFileId < b.caseFileId
              ? -1
              : 1,
      );
    placement.set(id, mine[0] as FiledWork);
  }
  return placement;
}

describe('drawSample: properties over random populations', () => {
  it('sizes, apportions and selects by the rule', () => {
    fc.assert(
      fc.property(randomWork, randomParameters, (work, p) => {
        const sample = drawSample(work, p);
        const placement = expectedPlacement(work, p);
        const everyone = new Set<string>();
        expect(sample.areas.map((a) => a.serviceAreaId)).toEqual([...new Set(p.serviceAreaIds)].sort());
        for (const a of sample.areas) {
          const members = [...placement.values()].filter((w) => w.serviceAreaId === a.serviceAreaId);
          const n = Math.ceil((members.length * p.sharePercent) / 100);
          expect(a.population).toBe(members.length);
          expect(a.sampleSize).toBe(n);
          expect(a.strata.reduce((sum, s) => sum + s.quota, 0)).toBe(n);
          expect(a.strata.reduce((sum, s) => sum + s.population, 0)).toBe(members.length);
          expect(a.strata.map((s) => s.key)).toEqual([...a.strata.map((s) => s.key)].sort());
          for (const s of a.strata) {
            const quota = (n * s.population) / members.length;
            expect(s.quota).toBeGreaterThanOrEqual(Math.floor(quota));
            expect(s.quota).toBeLessThanOrEqual(Math.ceil(quota));
            expect(s.quota).toBeLessThanOrEqual(s.population);
            expect(s.selected).toHaveLength(s.quota);
            const inStratum = members
              .filter((w) => stratumKey(w.lawType, w.performanceBand) === s.key)
              .map((w) => w.practitionerId)
              .sort();
            const drawn = [...s.selected, ...s.reserve].map((x) => x.practitionerId);
            expect([...drawn].sort()).toEqual(inStratum);
            for (const x of [...s.selected, ...s.reserve]) {
              expect(x.caseFileId).toBe(placement.get(x.practitionerId)?.caseFileId);
              expect(everyone.has(x.practitionerId)).toBe(false);
              everyone.add(x.practitionerId);
            }
          }
        }
        expect(everyone.size).toBe(placement.size);
      }),
      { numRuns: 200 },
    );
  });

  it('draws the same sample whatever the order of the work', () => {
    fc.assert(
      fc.property(
        randomWork.chain((work) =>
          fc.tuple(
            fc.constant(work),
            fc.shuffledSubarray(work, { minLength: work.length, maxLength: work.length }),
          ),
        ),
        randomParameters,
        ([work, reordered], p) => {
          expect(drawSample(reordered, p)).toEqual(drawSample(work, p));
        },
      ),
      { numRuns: 150 },
    );
  });
});
