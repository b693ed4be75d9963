// The graded cases of the three past national audits in the demo: November
// 2014 reproduces the published figures of seed 000 exactly; September and
// April 2013 are realistic figures built from what seed 000 says about them.
// Pure and deterministic: the same rows every call, no database, no clock.
//
// November 2014 has to match four published margins at once: area × grade
// (Fig. 3), law type × grade (Fig. 2, per-law-type rows: its "Totals" row is
// a case off Fig. 1, and Fig. 5's employed column does not add up to Fig. 1
// either, so only its agency column is kept), area × law type (the EIT column of
// Fig. 4 is each area's work to first hearing; A15 Public is all public law,
// A15 Private all WAFH) and, within each area's other cases, children seen
// (Fig. 4). `solveTable` finds the area × law type × grade table: work to first
// hearing is spread over the areas by iterative proportional fitting, rounded
// and repaired unit by unit within each area's grade counts; the rest of each
// grade is split between public law and WAFH in proportion to what is left in
// each area (A5's WAFH is fixed by the narrative, its other cases public
// law). The earlier audits are given the same way (their own per-area and
// per-law-type tables below) and go through the same solver.
import type { RubricContent } from '../../lib/domain/rubric.ts';
import { NATIONAL_THRESHOLD_2013, NATIONAL_THRESHOLD_OCTOBER_2014 } from './thresholds.ts';

type Grade = 'good' | 'met' | 'not-met';
type LawType = 'PUBLIC_LAW' | 'PRIVATE_LAW_WAFH' | 'PRIVATE_LAW_WTFH';
type ChildrenSeen = 'SEEN' | 'NOT_SEEN_REASON_RECORDED' | 'NOT_SEEN_NO_REASON' | 'UNCLEAR' | 'NOT_APPLICABLE';
type DemoNote = { themeKey: string; text: string };

export type DemoResult = {
  /** One of the DEMO_AREAS codes, e.g. 'A15 Public'. */
  areaCode: string;
  lawType: LawType;
  /** True exactly for PRIVATE_LAW_WTFH: EIT work is work to first hearing. */
  isEit: boolean;
  /** The final overall grade. */
  grade: Grade;
  /** NOT_APPLICABLE exactly for EIT cases. */
  childrenSeen: ChildrenSeen;
  employment: 'EMPLOYED' | 'AGENCY';
  /** Every section of the audit's threshold document. */
  sectionGrades: Record<string, Grade>;
  qa: { collaborative: boolean; familyFeedback: boolean; managementOversight: boolean; supervision: boolean };
  /** 0–2 each, themes from the audit's threshold document. */
  strengths: DemoNote[];
  learningPoints: DemoNote[];
};

const GRADES: readonly Grade[] = ['good', 'met', 'not-met'];
const PUBLIC: LawType = 'PUBLIC_LAW';
const WAFH: LawType = 'PRIVATE_LAW_WAFH';
const WTFH: LawType = 'PRIVATE_LAW_WTFH';
const LAW_TYPES: readonly LawType[] = [PUBLIC, WAFH, WTFH];

type Counts = Record<Grade, number>;
const counts = (good: number, met: number, notMet: number): Counts => ({ good, met, 'not-met': notMet });
const total = (c: Counts) => c.good + c.met + c['not-met'];

/** Fig. 4's split of an area's non-EIT cases. */
type SeenCounts = { seen: number; reasonRecorded: number; noReason: number; unclear: number };

type AreaPlan = {
  code: string;
  grades: Counts;
  /** Cases of work to first hearing (EIT). */
  wtfh: number;
  /** All the area's other cases are of this law type (the two halves of A15). */
  only?: typeof PUBLIC | typeof WAFH;
  /**
   * All the area's cases of one law type, with the grades the narrative fixes
   * (A5's WAFH); its other non-EIT cases are of the other type.
   */
  pinned?: { lawType: typeof PUBLIC | typeof WAFH; grades: Counts };
  /** Fig. 4 counts; without them children seen is drawn at the audit's rates. */
  seen?: SeenCounts;
};

type AuditPlan = {
  seed: number;
  rubric: RubricContent;
  areas: AreaPlan[];
  laws: Record<LawType, Counts>;
  /** Agency cases by grade; the rest are employed. */
  agency: Counts;
  /** Chance of each QA indicator being recorded, before the grade adjusts it. */
  qa: Record<keyof DemoResult['qa'], number>;
  /** For audits without Fig. 4 counts: chance per grade of each not-seen outcome. */
  seenRates?: { reasonRecorded: number; noReason: Counts; unclear: Counts };
  /** Audit-wide children-seen counts over the non-EIT cases (instead of the rates). */
  seenTotals?: Omit<SeenCounts, 'seen'>;
};

// Seed 000 Fig. 3 (cases, Not Met, Good, Met) and Fig. 4 (EIT cases, Children
// Seen, Children Not Seen, Not seen – With No Reason, Unclear), in the seed's
// own column order.
const NOVEMBER_2014_FIGURES: [
  code: string,
  cases: number,
  notMet: number,
  good: number,
  met: number,
  eit: number,
  seen: number,
  notSeen: number,
  noReason: number,
  unclear: number,
][] = [
  ['A1', 25, 2, 16, 7, 6, 15, 4, 1, 0],
  ['A2', 25, 2, 17, 6, 7, 14, 3, 0, 1],
  ['A3', 29, 1, 15, 13, 5, 19, 4, 0, 1],
  ['A4', 24, 5, 13, 6, 5, 14, 4, 3, 1],
  ['A5', 29, 2, 18, 9, 4, 20, 5, 1, 0],
  ['A6', 17, 2, 11, 4, 7, 9, 1, 0, 0],
  ['A7', 46, 3, 29, 14, 8, 35, 3, 1, 0],
  ['A8', 30, 5, 19, 6, 5, 20, 4, 1, 1],
  ['A9', 56, 5, 42, 9, 9, 40, 6, 2, 1],
  ['A10', 20, 2, 15, 3, 4, 14, 2, 0, 0],
  ['A11', 52, 6, 33, 13, 9, 42, 1, 0, 0],
  ['A12', 32, 2, 18, 12, 5, 25, 2, 0, 0],
  ['A13', 17, 3, 11, 3, 5, 12, 0, 0, 0],
  ['A14', 48, 4, 29, 15, 11, 34, 3, 2, 0],
  ['A15 Public', 45, 2, 30, 13, 0, 40, 2, 2, 3],
  ['A15 Private', 38, 5, 30, 3, 0, 28, 10, 1, 0],
  ['A16', 23, 0, 15, 8, 4, 18, 1, 0, 0],
  ['A17', 21, 1, 16, 4, 4, 15, 2, 1, 0],
];

/** The halves of A15 are managed separately: one public law, one private law WAFH. */
const ONLY: Partial<Record<string, typeof PUBLIC | typeof WAFH>> = {
  'A15 Public': PUBLIC,
  'A15 Private': WAFH,
};

const NOVEMBER_2014: AuditPlan = {
  seed: 20141101,
  rubric: NATIONAL_THRESHOLD_OCTOBER_2014,
  areas: NOVEMBER_2014_FIGURES.map(
    ([code, cases, notMet, good, met, eit, seen, notSeen, noReason, unclear]) => {
      if (cases !== notMet + good + met || cases - eit !== seen + notSeen + unclear)
        throw new Error(`Seed 000 figures for ${code} do not add up`);
      return {
        code,
        grades: counts(good, met, notMet),
        wtfh: eit,
        only: ONLY[code],
        // §2c: "67% of the WAFH in A5 was good".
        pinned: code === 'A5' ? { lawType: WAFH, grades: counts(8, 3, 1) } : undefined,
        seen: { seen, reasonRecorded: notSeen - noReason, noReason, unclear },
      };
    },
  ),
  // Fig. 2, per-law-type rows (they sum to Fig. 1's 377 / 148 / 52).
  laws: {
    PUBLIC_LAW: counts(181, 67, 17),
    PRIVATE_LAW_WAFH: counts(130, 56, 28),
    PRIVATE_LAW_WTFH: counts(66, 25, 7),
  },
  // Fig. 5: 20 agency cases, 7 Good, 7 Met, 6 Not Met.
  agency: counts(7, 7, 6),
  qa: { collaborative: 0.7, familyFeedback: 0.55, managementOversight: 0.8, supervision: 0.75 },
};

// Earlier audits: [code, cases, good, met, not met, work to first hearing].
// Every figure seed 000 states about them holds as the report prints it
// (whole percentages rounded half up, changes as differences of printed
// figures; tests/unit/demo-results.test.ts checks each):
// - September 2013: 49% Good ("a 16% improvement" to 65%) and 19% Not Met
//   ("only one area (A4) exceeded the previous September 2013 figure of 19%");
//   Public Law 60% Good and 11% Not Met (now 68% and 6%); WTFH 41% Good (the
//   report computes 67% for November, "an improvement of 26%") and 24% Not Met;
//   WAFH 44% Good and 22% Not Met ("a 9% improvement" to 13%); A4 46% Good
//   ("an increase of 8%" to 54%) with slightly more Not Met than its 21% now;
//   A10 35%, A6 and A13 34% Good (improved by 40 and 31 points, the largest
//   rises: every other area rose by less); A3 and A12 slightly more Good than
//   now but much more Not Met; A5's WAFH 27% Good; every area's Not Met fell.
//   A6 and A13 have 29 cases: 34% (10 of 29) is the first whole-number share
//   that rounds to 34, and no sample under 29 can print it.
// - April 2013: "the 49% Good achieved in the audit in April 2013", and 20%
//   Not Met, so "Not Met work ... down by 11%" to November's 9% holds against
//   it; A17 not audited. Its children seen are those of the early-2013
//   children-seen audit (seed 000 §3): 12% of the public law and WAFH cases
//   not seen, 4.9% with a recorded professional judgement, 7% without.
// The law-type mix follows: with those law-type rates, 49% Good and 19% Not
// Met overall need more private law than November 2014 had.
type EarlierRow = [code: string, cases: number, good: number, met: number, notMet: number, wtfh: number];

const SEPTEMBER_2013_FIGURES: EarlierRow[] = [
  ['A1', 23, 11, 8, 4, 6],
  ['A2', 22, 11, 7, 4, 7],
  ['A3', 27, 15, 8, 4, 5],
  ['A4', 24, 11, 7, 6, 5],
  ['A5', 27, 11, 10, 6, 4],
  ['A6', 29, 10, 12, 7, 10],
  ['A7', 42, 21, 13, 8, 8],
  ['A8', 27, 13, 8, 6, 5],
  ['A9', 50, 28, 14, 8, 9],
  ['A10', 17, 6, 7, 4, 4],
  ['A11', 47, 23, 14, 10, 9],
  ['A12', 29, 17, 7, 5, 5],
  ['A13', 29, 10, 12, 7, 8],
  ['A14', 43, 20, 14, 9, 11],
  ['A15 Public', 40, 24, 12, 4, 0],
  ['A15 Private', 34, 17, 10, 7, 0],
  ['A16', 20, 10, 6, 4, 4],
  ['A17', 18, 9, 6, 3, 4],
];

const APRIL_2013_FIGURES: EarlierRow[] = [
  ['A1', 21, 10, 7, 4, 6],
  ['A2', 21, 10, 7, 4, 7],
  ['A3', 25, 13, 7, 5, 5],
  ['A4', 20, 10, 5, 5, 5],
  ['A5', 24, 10, 8, 6, 4],
  ['A6', 14, 6, 5, 3, 7],
  ['A7', 42, 20, 14, 8, 8],
  ['A8', 25, 12, 7, 6, 5],
  ['A9', 50, 27, 15, 8, 9],
  ['A10', 17, 7, 6, 4, 4],
  ['A11', 46, 21, 15, 10, 9],
  ['A12', 27, 15, 7, 5, 5],
  ['A13', 14, 6, 5, 3, 5],
  ['A14', 42, 19, 14, 9, 11],
  ['A15 Public', 40, 24, 11, 5, 0],
  ['A15 Private', 32, 15, 10, 7, 0],
  ['A16', 19, 9, 6, 4, 4],
];

function earlierAreas(rows: EarlierRow[], pinned: Partial<Record<string, AreaPlan['pinned']>>): AreaPlan[] {
  return rows.map(([code, cases, good, met, notMet, wtfh]) => {
    if (cases !== good + met + notMet) throw new Error(`Figures for ${code} do not add up`);
    return { code, grades: counts(good, met, notMet), wtfh, only: ONLY[code], pinned: pinned[code] };
  });
}

// The 2013 children-seen audit (seed 000 §3): 12% not seen, 4.9% with a
// recorded professional judgement and 7% without; a few unclear.
const SEEN_RATES_2013: NonNullable<AuditPlan['seenRates']> = {
  reasonRecorded: 0.05,
  noReason: counts(0.02, 0.07, 0.2),
  unclear: counts(0.01, 0.02, 0.05),
};

const SEPTEMBER_2013: AuditPlan = {
  seed: 20130901,
  rubric: NATIONAL_THRESHOLD_2013,
  // Seed 000 §2c: "67% of the WAFH in A5 was good, as opposed to 27% in the September 2013 audit".
  areas: earlierAreas(SEPTEMBER_2013_FIGURES, { A5: { lawType: WAFH, grades: counts(3, 5, 3) } }),
  laws: {
    PUBLIC_LAW: counts(101, 47, 19),
    PRIVATE_LAW_WAFH: counts(123, 92, 62),
    PRIVATE_LAW_WTFH: counts(43, 36, 25),
  },
  agency: counts(6, 7, 7),
  qa: { collaborative: 0.6, familyFeedback: 0.45, managementOversight: 0.7, supervision: 0.65 },
  seenRates: SEEN_RATES_2013,
};

const APRIL_2013: AuditPlan = {
  seed: 20130401,
  rubric: NATIONAL_THRESHOLD_2013,
  areas: earlierAreas(APRIL_2013_FIGURES, {}),
  laws: {
    PUBLIC_LAW: counts(105, 50, 22),
    PRIVATE_LAW_WAFH: counts(93, 65, 50),
    PRIVATE_LAW_WTFH: counts(36, 34, 24),
  },
  agency: counts(5, 6, 7),
  qa: { collaborative: 0.55, familyFeedback: 0.4, managementOversight: 0.68, supervision: 0.6 },
  // Seed 000 §3, early 2013: of 385 public law and WAFH cases, 46 not seen (12%), 19 of them
  // with a recorded professional judgement (4.9%) and 27 without (7%).
  seenTotals: { reasonRecorded: 19, noReason: 27, unclear: 6 },
};

/** Small deterministic PRNG (as in demo.ts): the same demo every time. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** Index drawn with the given (not necessarily normalised) weights. */
function weighted(random: Random, weights: readonly number[]): number {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  let point = random() * sum;
  for (const [index, weight] of weights.entries()) {
    point -= weight;
    if (point < 0) return index;
  }
  return weights.length - 1;
}

/** Whole numbers summing to `amount`, in proportion to `weights` (largest remainder, ties to the first). */
function apportion(amount: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  if (amount === 0) return weights.map(() => 0);
  if (sum <= 0) throw new Error(`Cannot apportion ${amount} over nothing`);
  const exact = weights.map((weight) => (amount * weight) / sum);
  const result = exact.map((value) => Math.floor(value + 1e-9));
  const order = exact
    .map((value, index) => ({ index, remainder: value - (result[index] ?? 0) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = amount - result.reduce((acc, value) => acc + value, 0);
  for (const { index } of order) {
    if (left <= 0) break;
    result[index] = (result[index] ?? 0) + 1;
    left -= 1;
  }
  return result;
}

type Table = Map<string, Record<LawType, Counts>>;

/**
 * The area × law type × grade table with the plan's area × grade, law type ×
 * grade and per-area work-to-first-hearing margins. Throws when it cannot.
 */
function solveTable(plan: AuditPlan): Table {
  const lawLeft: Record<LawType, Counts> = {
    PUBLIC_LAW: { ...plan.laws.PUBLIC_LAW },
    PRIVATE_LAW_WAFH: { ...plan.laws.PRIVATE_LAW_WAFH },
    PRIVATE_LAW_WTFH: { ...plan.laws.PRIVATE_LAW_WTFH },
  };
  for (const grade of GRADES) {
    const byArea = plan.areas.reduce((acc, area) => acc + area.grades[grade], 0);
    const byLaw = LAW_TYPES.reduce((acc, law) => acc + plan.laws[law][grade], 0);
    if (byArea !== byLaw) throw new Error(`${grade}: areas give ${byArea}, law types ${byLaw}`);
  }
  if (plan.areas.reduce((acc, area) => acc + area.wtfh, 0) !== total(plan.laws.PRIVATE_LAW_WTFH))
    throw new Error('Work to first hearing by area and by grade differ');

  const table: Table = new Map();
  const left = new Map<string, Counts>();
  for (const area of plan.areas) {
    table.set(area.code, {
      PUBLIC_LAW: counts(0, 0, 0),
      PRIVATE_LAW_WAFH: counts(0, 0, 0),
      PRIVATE_LAW_WTFH: counts(0, 0, 0),
    });
    const remaining = { ...area.grades };
    if (area.pinned) {
      const cell = table.get(area.code)?.[area.pinned.lawType];
      for (const grade of GRADES) {
        remaining[grade] -= area.pinned.grades[grade];
        lawLeft[area.pinned.lawType][grade] -= area.pinned.grades[grade];
        if (cell) cell[grade] += area.pinned.grades[grade];
      }
    }
    left.set(area.code, remaining);
  }

  // 1. Work to first hearing: fit area totals and grade totals to the areas'
  //    own grade mix, round each area, then move single cases between grades
  //    within an area until the grade totals are exact.
  const eitAreas = plan.areas.filter((area) => area.wtfh > 0);
  const caps = eitAreas.map((area) => left.get(area.code) ?? counts(0, 0, 0));
  const columnTotals = lawLeft.PRIVATE_LAW_WTFH;
  const fitted = caps.map((cap) => ({ ...cap }));
  for (let round = 0; round < 200; round += 1) {
    for (const [index, area] of eitAreas.entries()) {
      const row = fitted[index] as Counts;
      const sum = total(row);
      for (const grade of GRADES) row[grade] = sum > 0 ? (row[grade] * area.wtfh) / sum : 0;
    }
    for (const grade of GRADES) {
      const sum = fitted.reduce((acc, row) => acc + row[grade], 0);
      for (const row of fitted) row[grade] = sum > 0 ? (row[grade] * columnTotals[grade]) / sum : 0;
    }
  }
  const rounded = eitAreas.map((area, index) => {
    const row = fitted[index] as Counts;
    const [good = 0, met = 0, notMet = 0] = apportion(area.wtfh, [row.good, row.met, row['not-met']]);
    return counts(good, met, notMet);
  });
  for (;;) {
    const over = GRADES.find(
      (grade) => rounded.reduce((acc, row) => acc + row[grade], 0) > columnTotals[grade],
    );
    const under = GRADES.find(
      (grade) => rounded.reduce((acc, row) => acc + row[grade], 0) < columnTotals[grade],
    );
    if (over === undefined || under === undefined) break;
    let best = -1;
    let bestScore = -Infinity;
    for (const [index, row] of rounded.entries()) {
      const cap = caps[index] as Counts;
      const target = fitted[index] as Counts;
      if (row[over] <= 0 || row[under] >= cap[under]) continue;
      const score = row[over] - target[over] + (target[under] - row[under]);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    const row = rounded[best];
    if (row === undefined) throw new Error(`No area can move work to first hearing from ${over} to ${under}`);
    row[over] -= 1;
    row[under] += 1;
  }
  for (const [index, area] of eitAreas.entries()) {
    const row = rounded[index] as Counts;
    const remaining = left.get(area.code) as Counts;
    const cell = table.get(area.code)?.PRIVATE_LAW_WTFH as Counts;
    for (const grade of GRADES) {
      if (row[grade] > remaining[grade]) throw new Error(`${area.code} has too few ${grade} cases`);
      remaining[grade] -= row[grade];
      cell[grade] += row[grade];
      lawLeft.PRIVATE_LAW_WTFH[grade] -= row[grade];
    }
  }

  // 2. The rest: areas whose law type is settled first, then each grade's
  //    public law share across the other areas in proportion to what they
  //    have left.
  const settledLaw = (area: AreaPlan) =>
    area.only ?? (area.pinned ? (area.pinned.lawType === PUBLIC ? WAFH : PUBLIC) : undefined);
  for (const area of plan.areas) {
    const lawType = settledLaw(area);
    if (lawType === undefined) continue;
    const remaining = left.get(area.code) as Counts;
    const cell = table.get(area.code)?.[lawType] as Counts;
    for (const grade of GRADES) {
      cell[grade] += remaining[grade];
      lawLeft[lawType][grade] -= remaining[grade];
      remaining[grade] = 0;
    }
  }
  const free = plan.areas.filter((area) => settledLaw(area) === undefined);
  for (const grade of GRADES) {
    const available = free.map((area) => (left.get(area.code) as Counts)[grade]);
    const wanted = lawLeft.PUBLIC_LAW[grade];
    const sum = available.reduce((acc, value) => acc + value, 0);
    if (wanted < 0 || wanted > sum || lawLeft.PRIVATE_LAW_WAFH[grade] !== sum - wanted)
      throw new Error(`Cannot split ${grade} cases between public law and WAFH`);
    const publicShare = apportion(wanted, available);
    for (const [index, area] of free.entries()) {
      const cells = table.get(area.code) as Record<LawType, Counts>;
      const publicCount = publicShare[index] ?? 0;
      const rest = (available[index] ?? 0) - publicCount;
      if (rest < 0) throw new Error(`${area.code}: public law share exceeds its ${grade} cases`);
      cells.PUBLIC_LAW[grade] += publicCount;
      cells.PRIVATE_LAW_WAFH[grade] += rest;
    }
  }
  return table;
}

// Seed 000 §5 (Key themes), as the short notes an auditor writes on a case,
// on the threshold documents' theme keys. A few come from §2b and §3 where
// the report names learning for one law type or for children not seen.
type NoteSource = DemoNote & { lawTypes?: LawType[] };
const NOT_EIT: LawType[] = [PUBLIC, WAFH];

const STRENGTHS: NoteSource[] = [
  {
    themeKey: 'case-recording',
    text: 'CIT transfer on time, with the CIT actions clearly recorded',
    lawTypes: [WTFH],
  },
  {
    themeKey: 'safeguarding',
    text: 'Safeguarding letter follows the consistent national EIT approach',
    lawTypes: [WTFH],
  },
  {
    themeKey: 'case-planning',
    text: 'Case plan started promptly, then updated and reviewed',
    lawTypes: [WAFH],
  },
  { themeKey: 'case-planning', text: 'Effective case plan, clearly child-centred', lawTypes: [WAFH] },
  {
    themeKey: 'management-oversight',
    text: 'Management oversight evident in the case planning',
    lawTypes: [WAFH],
  },
  {
    themeKey: 'reporting',
    text: 'Report well written and succinct, setting out the voice of the child',
    lawTypes: [WAFH],
  },
  {
    themeKey: 'tools-and-research',
    text: 'Good use of tools to inform an evidence-based assessment',
    lawTypes: NOT_EIT,
  },
  {
    themeKey: 'case-planning',
    text: 'Good understanding of the revised PLO, with effective early planning to minimise delay',
    lawTypes: [PUBLIC],
  },
  { themeKey: 'reporting', text: 'New public law report template used well', lawTypes: [PUBLIC] },
  { themeKey: 'reporting', text: 'Report addresses each permanency option in detail', lawTypes: [PUBLIC] },
  {
    themeKey: 'child-engagement',
    text: 'Child-centred practice, with good direct engagement with the child',
    lawTypes: NOT_EIT,
  },
  {
    themeKey: 'child-engagement',
    text: 'Letter to the judge used effectively with the child',
    lawTypes: NOT_EIT,
  },
  { themeKey: 'safeguarding', text: 'Clear focus on safeguarding throughout the work' },
  {
    themeKey: 'diversity',
    text: 'Diversity considered, including vulnerabilities of age and of witnessing domestic violence',
  },
  { themeKey: 'tools-and-research', text: 'Research and EIP tools used to engage the service users' },
  {
    themeKey: 'management-oversight',
    text: 'Case reviewed by the SM or EP at the outset of the intervention',
  },
];

const SEEN_LEARNING: DemoNote = {
  themeKey: 'child-engagement',
  text: 'Record the professional judgement when the child is not seen',
};

const LEARNING_POINTS: NoteSource[] = [
  { themeKey: 'case-recording', text: 'Record all activity, with a clear trail of decision-making' },
  {
    themeKey: 'case-recording',
    text: 'Triangulate information from the logs to the case plan and the report',
  },
  {
    themeKey: 'case-recording',
    text: 'Log telephone interviews in more detail, so the basis of the safeguarding analysis is clear',
    lawTypes: [WTFH],
  },
  {
    themeKey: 'safeguarding',
    text: 'Record the decisions made about non-subject children',
    lawTypes: [WTFH],
  },
  {
    themeKey: 'safeguarding',
    text: 'Referral to the local authority to be explicit about the concerns and name every child',
  },
  {
    themeKey: 'case-planning',
    text: 'Case plan to be an analytical summary of the issues, tasks and actions',
    lawTypes: NOT_EIT,
  },
  {
    themeKey: 'case-planning',
    text: 'Plan to show reflective practice, including how the child and adults will be engaged',
    lawTypes: NOT_EIT,
  },
  {
    themeKey: 'case-planning',
    text: 'Plan for liaison with the IRO throughout the life of the case',
    lawTypes: [PUBLIC],
  },
  {
    themeKey: 'management-oversight',
    text: 'SM or EP reviews of the case plan to be evidenced, showing how they improve it',
    lawTypes: NOT_EIT,
  },
  { themeKey: 'management-oversight', text: 'Report to be approved through the workflow before filing' },
  { themeKey: 'reporting', text: 'Report to be free from typographical and grammatical errors' },
  {
    themeKey: 'reporting',
    text: 'Report to be succinct, child-centred and evidence-based, separating fact from opinion',
    lawTypes: NOT_EIT,
  },
  {
    themeKey: 'reporting',
    text: "Record the guardian's endorsement of the position statement",
    lawTypes: [PUBLIC],
  },
  {
    themeKey: 'tools-and-research',
    text: 'Use the range of tools more consistently to strengthen the analysis',
    lawTypes: [WAFH],
  },
];

/** The section a theme's note speaks to, in either national document. */
const THEME_SECTIONS: Record<string, string[]> = {
  'case-recording': ['case-recording', 'recording-and-planning'],
  'case-planning': ['case-planning', 'recording-and-planning'],
  reporting: ['reporting'],
  safeguarding: ['safeguarding'],
  'child-engagement': ['voice-of-the-child', 'child-engagement'],
  diversity: ['diversity'],
  'management-oversight': ['management-oversight'],
  supervision: ['supervision'],
  'tools-and-research': ['reporting'],
};

function themeGrade(rubric: RubricContent, sections: Record<string, Grade>, themeKey: string): Grade | null {
  const key = (THEME_SECTIONS[themeKey] ?? []).find((candidate) => candidate in sections);
  return key !== undefined && rubric.themes.some((theme) => theme.key === themeKey)
    ? (sections[key] ?? null)
    : null;
}

/** Up to `count` notes with different themes, weighted by `weight` (0 leaves a note out). */
function pickNotes(
  random: Random,
  sources: NoteSource[],
  count: number,
  weight: (source: NoteSource) => number,
): DemoNote[] {
  const notes: DemoNote[] = [];
  let candidates = sources.filter((source) => weight(source) > 0);
  while (notes.length < count && candidates.length > 0) {
    const chosen = candidates[weighted(random, candidates.map(weight))] as NoteSource;
    notes.push({ themeKey: chosen.themeKey, text: chosen.text });
    candidates = candidates.filter((source) => source.themeKey !== chosen.themeKey);
  }
  return notes;
}

// Chance of a section's grade given the overall grade: mildly correlated.
const SECTION_MIX: Record<Grade, number[]> = {
  good: [0.68, 0.29, 0.03],
  met: [0.28, 0.55, 0.17],
  'not-met': [0.1, 0.45, 0.45],
};
// The other section named by the overall rule is at or above the overall grade.
const PARTNER_MIX: Record<Grade, number[]> = {
  good: [1, 0, 0],
  met: [0.5, 0.5, 0],
  'not-met': [0.15, 0.45, 0.4],
};
const rank = (grade: Grade) => GRADES.indexOf(grade);

function sectionGradesFor(
  rubric: RubricContent,
  overall: Grade,
  childrenSeen: ChildrenSeen,
  random: Random,
): Record<string, Grade> {
  const rule = rubric.overallRule;
  if (rule.kind !== 'lowest-of')
    throw new Error('The national documents suggest the lowest of named sections');
  const draw = (mix: number[]) => GRADES[weighted(random, mix)] as Grade;
  const sections: Record<string, Grade> = {};
  const decisive = rule.sectionKeys[Math.floor(random() * rule.sectionKeys.length)];
  for (const key of rule.sectionKeys) sections[key] = key === decisive ? overall : draw(PARTNER_MIX[overall]);

  for (const section of rubric.sections) {
    const key = section.key;
    if (key in sections) continue;
    if (key === 'supervision') {
      // Seed 002: supervision and the quality of the intervention go together.
      const planning = sections['case-planning'];
      sections[key] = planning !== undefined && random() < 0.6 ? planning : draw(SECTION_MIX[overall]);
    } else if (key === 'voice-of-the-child' || key === 'child-engagement') {
      if (childrenSeen === 'NOT_SEEN_NO_REASON' || childrenSeen === 'UNCLEAR') sections[key] = 'not-met';
      else if (childrenSeen === 'NOT_SEEN_REASON_RECORDED') sections[key] = random() < 0.4 ? 'good' : 'met';
      else sections[key] = draw(SECTION_MIX[overall]);
    } else sections[key] = draw(SECTION_MIX[overall]);
  }
  // In the document's order.
  return Object.fromEntries(rubric.sections.map((section) => [section.key, sections[section.key] as Grade]));
}

const QA_SECTION: Partial<Record<keyof DemoResult['qa'], string>> = {
  managementOversight: 'management-oversight',
  supervision: 'supervision',
};

function qaFor(
  plan: AuditPlan,
  overall: Grade,
  sections: Record<string, Grade>,
  random: Random,
): DemoResult['qa'] {
  const indicator = (name: keyof DemoResult['qa']) => {
    let chance = plan.qa[name];
    const related = QA_SECTION[name];
    const sectionGrade = related === undefined ? undefined : sections[related];
    if (sectionGrade === 'good') chance += 0.1;
    if (sectionGrade === 'not-met') chance -= 0.35;
    if (overall === 'not-met') chance -= 0.05;
    return random() < chance;
  };
  return {
    collaborative: indicator('collaborative'),
    familyFeedback: indicator('familyFeedback'),
    managementOversight: indicator('managementOversight'),
    supervision: indicator('supervision'),
  };
}

const STRENGTH_COUNT: Record<Grade, number[]> = {
  good: [0.15, 0.45, 0.4],
  met: [0.3, 0.5, 0.2],
  'not-met': [0.6, 0.35, 0.05],
};
const LEARNING_COUNT: Record<Grade, number[]> = {
  good: [0.4, 0.45, 0.15],
  met: [0.1, 0.5, 0.4],
  'not-met': [0, 0.35, 0.65],
};

type Skeleton = { areaCode: string; lawType: LawType; grade: Grade; childrenSeen: ChildrenSeen };

/** Fig. 4 within one area: no-reason and unclear go to the weakest cases first. */
function assignSeen(cases: Skeleton[], seen: SeenCounts, random: Random): void {
  const others = shuffle(
    cases.filter((row) => row.lawType !== WTFH),
    random,
  );
  // seen -1: every case not otherwise counted (audit-wide totals).
  if (seen.seen >= 0 && others.length !== seen.seen + seen.reasonRecorded + seen.noReason + seen.unclear)
    throw new Error(`Children seen for ${cases[0]?.areaCode ?? '?'} do not add up`);
  const weakestFirst = [...others].sort((a, b) => rank(b.grade) - rank(a.grade));
  let next = 0;
  for (let i = 0; i < seen.noReason; i += 1)
    (weakestFirst[next++] as Skeleton).childrenSeen = 'NOT_SEEN_NO_REASON';
  for (let i = 0; i < seen.unclear; i += 1) (weakestFirst[next++] as Skeleton).childrenSeen = 'UNCLEAR';
  const rest = others.filter((row) => row.childrenSeen === 'SEEN');
  for (let i = 0; i < seen.reasonRecorded; i += 1)
    (rest[i] as Skeleton).childrenSeen = 'NOT_SEEN_REASON_RECORDED';
}

function drawSeen(row: Skeleton, rates: NonNullable<AuditPlan['seenRates']>, random: Random): ChildrenSeen {
  const point = random();
  const noReason = rates.noReason[row.grade];
  const unclear = rates.unclear[row.grade];
  if (point < noReason) return 'NOT_SEEN_NO_REASON';
  if (point < noReason + unclear) return 'UNCLEAR';
  if (point < noReason + unclear + rates.reasonRecorded) return 'NOT_SEEN_REASON_RECORDED';
  return 'SEEN';
}

function generate(plan: AuditPlan): DemoResult[] {
  const random = mulberry32(plan.seed);
  const table = solveTable(plan);
  const themeKeys = new Set(plan.rubric.themes.map((theme) => theme.key));

  const skeletons: Skeleton[] = [];
  for (const area of plan.areas) {
    const cells = table.get(area.code) as Record<LawType, Counts>;
    const cases: Skeleton[] = [];
    for (const lawType of LAW_TYPES)
      for (const grade of GRADES)
        for (let i = 0; i < cells[lawType][grade]; i += 1)
          cases.push({
            areaCode: area.code,
            lawType,
            grade,
            childrenSeen: lawType === WTFH ? 'NOT_APPLICABLE' : 'SEEN',
          });
    const ordered = shuffle(cases, random);
    if (area.seen) assignSeen(ordered, area.seen, random);
    else if (plan.seenRates)
      for (const row of ordered)
        if (row.lawType !== WTFH) row.childrenSeen = drawSeen(row, plan.seenRates, random);
    skeletons.push(...ordered);
  }
  if (plan.seenTotals) assignSeen(skeletons, { ...plan.seenTotals, seen: -1 }, random);

  const agency = new Set<number>();
  for (const grade of GRADES) {
    const indices = skeletons.flatMap((row, index) => (row.grade === grade ? [index] : []));
    if (indices.length < plan.agency[grade]) throw new Error(`Too few ${grade} cases for the agency staff`);
    for (const index of shuffle(indices, random).slice(0, plan.agency[grade])) agency.add(index);
  }

  return skeletons.map((row, index) => {
    const sectionGrades = sectionGradesFor(plan.rubric, row.grade, row.childrenSeen, random);
    const qa = qaFor(plan, row.grade, sectionGrades, random);
    const fits = (source: NoteSource) =>
      themeKeys.has(source.themeKey) &&
      (source.lawTypes === undefined || source.lawTypes.includes(row.lawType));
    const strengths = pickNotes(random, STRENGTHS, weighted(random, STRENGTH_COUNT[row.grade]), (source) =>
      fits(source) && themeGrade(plan.rubric, sectionGrades, source.themeKey) === 'good' ? 1 : 0,
    );
    const learningCount = weighted(random, LEARNING_COUNT[row.grade]);
    const notSeenWell = row.childrenSeen === 'NOT_SEEN_NO_REASON' || row.childrenSeen === 'UNCLEAR';
    const learningPoints: DemoNote[] =
      notSeenWell && learningCount > 0 && themeKeys.has(SEEN_LEARNING.themeKey) ? [{ ...SEEN_LEARNING }] : [];
    learningPoints.push(
      ...pickNotes(
        random,
        LEARNING_POINTS.filter((source) => !learningPoints.some((note) => note.themeKey === source.themeKey)),
        learningCount - learningPoints.length,
        (source) => {
          if (!fits(source)) return 0;
          const grade = themeGrade(plan.rubric, sectionGrades, source.themeKey);
          return grade === 'not-met' ? 3 : grade === 'met' ? 1 : 0;
        },
      ),
    );
    return {
      areaCode: row.areaCode,
      lawType: row.lawType,
      isEit: row.lawType === WTFH,
      grade: row.grade,
      childrenSeen: row.childrenSeen,
      employment: agency.has(index) ? 'AGENCY' : 'EMPLOYED',
      sectionGrades,
      qa,
      strengths,
      learningPoints,
    };
  });
}

/** The November 2014 national audit (seed 000): 577 cases on the October 2014 Threshold Document. */
export function november2014Results(): DemoResult[] {
  return generate(NOVEMBER_2014);
}

/** The September 2013 national audit, on the 2013 Threshold Document. */
export function september2013Results(): DemoResult[] {
  return generate(SEPTEMBER_2013);
}

/** The April 2013 national audit, on the 2013 Threshold Document; A17 was not audited. */
export function april2013Results(): DemoResult[] {
  return generate(APRIL_2013);
}
