// Drawing an audit's sample (seed 000): "50% of practitioners for each service,
// selected randomly … from the most recently filed work", spread across law
// types and the area's performance bands, "only one case from any individual
// practitioner". The draw must be reproducible and explainable afterwards, so
// randomness comes from a recorded seed and nothing depends on the order the
// work arrives in: the same work, parameters and seed give the same sample.
import { type LawType } from './audits';
import { isCalendarDate } from './dates';

export type { LawType };

export const DEFAULT_SHARE_PERCENT = 50;

export type FiledWork = {
  caseFileId: string;
  caseReference: string;
  practitionerId: string;
  serviceAreaId: string;
  lawType: LawType;
  performanceBand: string | null;
  /** yyyy-mm-dd */
  filedOn: string;
};

export type SamplingParameters = {
  seed: string;
  /** Whole percent of each area's practitioners, 1..100; the national audit used DEFAULT_SHARE_PERCENT. */
  sharePercent: number;
  /** yyyy-mm-dd, inclusive. */
  windowFrom: string;
  /** yyyy-mm-dd, inclusive. */
  windowTo: string;
  lawTypes: LawType[];
  serviceAreaIds: string[];
};

/** `${lawType}|${band ?? 'none'}`: a band literally named "none" shares the no-band stratum. */
export type StratumKey = string;

export type SampledPractitioner = {
  practitionerId: string;
  caseFileId: string;
  caseReference: string;
  filedOn: string;
  lawType: LawType;
  performanceBand: string | null;
};

export type StratumSample = {
  key: StratumKey;
  lawType: LawType;
  performanceBand: string | null;
  /** Practitioners in the stratum. */
  population: number;
  /** How many of them are audited. */
  quota: number;
  selected: SampledPractitioner[];
  /** Everyone not selected, in draw order: the next replacement first. */
  reserve: SampledPractitioner[];
};

export type AreaSample = {
  serviceAreaId: string;
  population: number;
  sampleSize: number;
  /** Sorted by key; only strata with at least one practitioner. */
  strata: StratumSample[];
};

export type Sample = {
  parameters: SamplingParameters;
  /** Every area in scope, sorted by serviceAreaId, including those with no eligible work. */
  areas: AreaSample[];
};

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function stratumKey(lawType: LawType, performanceBand: string | null): StratumKey {
  return `${lawType}|${performanceBand ?? 'none'}`;
}

/** Throws a RangeError naming the parameter at fault. */
export function assertSamplingParameters(parameters: SamplingParameters): void {
  const { sharePercent, windowFrom, windowTo } = parameters;
  if (!Number.isInteger(sharePercent) || sharePercent < 1 || sharePercent > 100)
    throw new RangeError(`sharePercent must be a whole number from 1 to 100 (got ${sharePercent})`);
  if (!isCalendarDate(windowFrom))
    throw new RangeError(`windowFrom must be a calendar date written yyyy-mm-dd (got "${windowFrom}")`);
  if (!isCalendarDate(windowTo))
    throw new RangeError(`windowTo must be a calendar date written yyyy-mm-dd (got "${windowTo}")`);
  if (windowFrom > windowTo)
    throw new RangeError(`windowFrom (${windowFrom}) must be on or before windowTo (${windowTo})`);
}

/** ceil(N × share / 100): a share of any practitioner rounds up, so an area of one is audited. */
export function sampleSizeFor(population: number, sharePercent: number): number {
  if (!Number.isInteger(population) || population < 0)
    throw new RangeError(`population must be a whole number of at least 0 (got ${population})`);
  // Both factors are integers, so the product is exact and the division only
  // lands on an integer when it truly is one.
  return Math.ceil((population * sharePercent) / 100);
}

/**
 * Hamilton's method: each key's quota is total × size / Σsize; every key gets
 * the floor of its quota, then the units left over go one each to the largest
 * fractional remainders (ties to the key first in code-unit order). The result
 * sums to exactly `total` and no key gets more than its size. Integer
 * arithmetic throughout: remainders share the denominator Σsize, so they are
 * compared exactly, with no floating-point ties to misjudge.
 * The map keeps the order of `sizes`.
 */
export function allocateLargestRemainder(
  total: number,
  sizes: { key: string; size: number }[],
): Map<string, number> {
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError(`total must be a whole number of at least 0 (got ${total})`);
  const keys = new Set<string>();
  let population = 0;
  for (const { key, size } of sizes) {
    if (!Number.isInteger(size) || size < 0)
      throw new RangeError(`size of "${key}" must be a whole number of at least 0 (got ${size})`);
    if (keys.has(key)) throw new RangeError(`key "${key}" appears more than once`);
    keys.add(key);
    population += size;
  }
  if (total > population)
    throw new RangeError(`cannot allocate ${total} across a population of ${population}`);

  const allocation = new Map<string, number>();
  if (total === 0) {
    for (const { key } of sizes) allocation.set(key, 0);
    return allocation;
  }
  const remainders: { key: string; remainder: number }[] = [];
  let allocated = 0;
  for (const { key, size } of sizes) {
    const numerator = total * size;
    const remainder = numerator % population;
    const floor = (numerator - remainder) / population;
    allocation.set(key, floor);
    allocated += floor;
    remainders.push({ key, remainder });
  }
  remainders.sort((a, b) => b.remainder - a.remainder || compareText(a.key, b.key));
  // Σ remainders = (total − allocated) × population and each is < population,
  // so the leftover units all land on keys with a positive remainder, whose
  // floor is below their size.
  for (const { key } of remainders.slice(0, total - allocated)) {
    allocation.set(key, (allocation.get(key) ?? 0) + 1);
  }
  return allocation;
}

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain, bryc). */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A deterministic PRNG in [0, 1): cyrb53 of the seed feeds mulberry32. Not for
 * secrets; for a draw anyone can repeat from the recorded seed.
 */
export function seededRandom(seed: string): () => number {
  let state = cyrb53(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates driven by seededRandom(seed); returns a new array. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const item = shuffled[index] as T;
    shuffled[index] = shuffled[other] as T;
    shuffled[other] = item;
  }
  return shuffled;
}

/**
 * Most recent first; same day → caseReference ascending. The further keys
 * only make the order total, so two distinct rows never tie.
 */
function compareRecency(a: FiledWork, b: FiledWork): number {
  return (
    compareText(b.filedOn, a.filedOn) ||
    compareText(a.caseReference, b.caseReference) ||
    compareText(a.caseFileId, b.caseFileId) ||
    compareText(a.serviceAreaId, b.serviceAreaId) ||
    compareText(a.lawType, b.lawType) ||
    compareText(a.performanceBand ?? '', b.performanceBand ?? '') ||
    Number(a.performanceBand === null) - Number(b.performanceBand === null)
  );
}

/**
 * Each practitioner's most recently filed work inside the window (inclusive),
 * of a law type and area in scope. A filing whose date cannot be read cannot
 * be shown to be inside the window, so it is not eligible.
 */
export function latestEligibleWork(
  work: FiledWork[],
  parameters: SamplingParameters,
): Map<string, FiledWork> {
  const lawTypes = new Set<string>(parameters.lawTypes);
  const areaIds = new Set(parameters.serviceAreaIds);
  const latest = new Map<string, FiledWork>();
  for (const item of work) {
    if (!lawTypes.has(item.lawType) || !areaIds.has(item.serviceAreaId)) continue;
    if (!isCalendarDate(item.filedOn)) continue;
    if (item.filedOn < parameters.windowFrom || item.filedOn > parameters.windowTo) continue;
    const current = latest.get(item.practitionerId);
    if (current === undefined || compareRecency(item, current) < 0) latest.set(item.practitionerId, item);
  }
  return latest;
}

function toSampled(item: FiledWork): SampledPractitioner {
  return {
    practitionerId: item.practitionerId,
    caseFileId: item.caseFileId,
    caseReference: item.caseReference,
    filedOn: item.filedOn,
    lawType: item.lawType,
    performanceBand: item.performanceBand,
  };
}

function drawArea(serviceAreaId: string, members: FiledWork[], parameters: SamplingParameters): AreaSample {
  const byStratum = new Map<StratumKey, FiledWork[]>();
  for (const item of members) {
    const key = stratumKey(item.lawType, item.performanceBand);
    const stratum = byStratum.get(key);
    if (stratum) stratum.push(item);
    else byStratum.set(key, [item]);
  }
  const keys = [...byStratum.keys()].sort(compareText);
  const population = members.length;
  const sampleSize = sampleSizeFor(population, parameters.sharePercent);
  const quotas = allocateLargestRemainder(
    sampleSize,
    keys.map((key) => ({ key, size: byStratum.get(key)?.length ?? 0 })),
  );
  const strata = keys.map((key): StratumSample => {
    const stratumMembers = byStratum.get(key) ?? [];
    const first = stratumMembers[0] as FiledWork;
    const quota = quotas.get(key) ?? 0;
    // Sorting first makes the shuffle independent of input order; seeding per
    // area and stratum keeps one area's draw independent of every other.
    const ordered = [...stratumMembers].sort((a, b) => compareText(a.practitionerId, b.practitionerId));
    const drawn = seededShuffle(ordered, `${parameters.seed}|${serviceAreaId}|${key}`).map(toSampled);
    return {
      key,
      lawType: first.lawType,
      performanceBand: key.endsWith('|none') ? null : first.performanceBand,
      population: stratumMembers.length,
      quota,
      selected: drawn.slice(0, quota),
      reserve: drawn.slice(quota),
    };
  });
  return { serviceAreaId, population, sampleSize, strata };
}

/**
 * Draws the sample: each in-scope area's practitioners with eligible work are
 * placed, by their most recent filing, in a law type × performance band
 * stratum; ceil(N × share / 100) of them are apportioned across the strata by
 * largest remainder and chosen by a seeded shuffle. The rest of each stratum,
 * in draw order, is its reserve list.
 */
export function drawSample(work: FiledWork[], parameters: SamplingParameters): Sample {
  assertSamplingParameters(parameters);
  const latest = latestEligibleWork(work, parameters);
  const byArea = new Map<string, FiledWork[]>();
  for (const item of latest.values()) {
    const area = byArea.get(item.serviceAreaId);
    if (area) area.push(item);
    else byArea.set(item.serviceAreaId, [item]);
  }
  const areaIds = [...new Set(parameters.serviceAreaIds)].sort(compareText);
  return {
    parameters: {
      ...parameters,
      lawTypes: [...parameters.lawTypes],
      serviceAreaIds: [...parameters.serviceAreaIds],
    },
    areas: areaIds.map((serviceAreaId) =>
      drawArea(serviceAreaId, byArea.get(serviceAreaId) ?? [], parameters),
    ),
  };
}

/** The stratum's next replacement not already in the sample or used, or null when the reserve is spent. */
export function nextReserve(stratum: StratumSample, used: Set<string>): SampledPractitioner | null {
  return stratum.reserve.find((candidate) => !used.has(candidate.caseFileId)) ?? null;
}
