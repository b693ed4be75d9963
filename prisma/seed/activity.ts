// What happened to the November 2014 audit after its cases were graded, as
// seed 000 §1 tells it: 14 Not Met grades challenged by Heads of Service (3
// re-graded to Met, 11 upheld, 1 of those adjudicated by the National Service
// Director with the grade unchanged), 47 cases benchmarked by the Senior
// Service Manager and 26 by the Head of Service for A2 (never an A2 case), with
// the disagreements moderated, and one safeguarding referral for non-subject
// children. Pure and deterministic, like results.ts: it picks cases of
// `november2014Results()` by index and says what each person did.
import type { DemoResult } from './results.ts';

type Grade = DemoResult['grade'];
const GRADES: readonly Grade[] = ['good', 'met', 'not-met'];
const rank = (grade: Grade) => GRADES.indexOf(grade);

/** Demo users by email (prisma/seed/demo.ts). */
export type DemoEmail = string;

export type DemoChallenge = {
  /** Index into november2014Results(). */
  index: number;
  raisedBy: DemoEmail;
  /** The grade the auditor submitted; the final grade is the result's. */
  originalGrade: 'not-met';
  outcome: 'REGRADED' | 'UPHELD';
  /** Referred by the audit lead to the National Service Director, who upheld the grade. */
  referred: boolean;
  reasons: string;
  reply: string;
  decisionReasons: string;
};

export type DemoBenchmark = {
  index: number;
  benchmarker: DemoEmail;
  moderator: DemoEmail;
  /** The auditor's overall grade when the case was chosen. */
  first: Grade;
  /** The benchmarker's blind overall grade. */
  second: Grade;
  /** The benchmarker's section grades (the auditor's are the result's). */
  secondSections: Record<string, Grade>;
  /** Set when the two gradings differ: always the case's final grade, so the report does not move. */
  agreed: Grade | null;
  moderationReason: string | null;
};

export type DemoConcern = { index: number; description: string; actionTaken: string };

export const AUDIT_LEAD = 'ssm@example.org';
export const SECOND_SENIOR_SERVICE_MANAGER = 'ssm2@example.org';
export const HEAD_OF_SERVICE_A2 = 'hos.a2@example.org';

/** Who raised the challenges of each area (the demo's Heads of Service and the A1 Assistant Director). */
const CHALLENGERS: Record<string, DemoEmail[]> = {
  A1: ['hos.a1@example.org', 'ad.a1@example.org'],
  A2: ['hos.a2@example.org'],
  A4: ['hos.a4@example.org'],
  A8: ['hos.a8@example.org'],
  A11: ['hos.a11@example.org'],
};
// Final grades of the challenged cases per area: 11 upheld (still Not Met), 3 re-graded (now Met).
const UPHELD_PER_AREA: Record<string, number> = { A1: 2, A2: 2, A4: 3, A8: 2, A11: 2 };
const REGRADED_AREAS = ['A1', 'A2', 'A8'];
/** The one upheld challenge the audit lead referred to the National Service Director. */
const REFERRED_AREA = 'A4';

const CHALLENGE_REASONS = [
  'The case plan was in place and reviewed by the Service Manager; the threshold for Met is reached.',
  'Safeguarding checks were completed and recorded in the logs; the analysis is proportionate.',
  'The report addresses each of the concerns raised; the grade does not reflect the work on file.',
];
const REPLIES = [
  'The plan was not reviewed when the circumstances changed; the safeguarding analysis is missing.',
  'The checks were made, but the decision about the non-subject children is not recorded.',
  'The report does not analyse the risks it lists; the accumulation of issues determined the grade.',
];
const UPHELD_REASONS =
  'Read the file with both: the gaps the auditor found are there, and the threshold for Met is not reached.';
const REGRADED_REASONS =
  'Evidence on file that the audit missed: the plan was reviewed in time, so the threshold for Met is reached.';

const MODERATION_REASONS: Record<'auditor-higher' | 'auditor-lower', string[]> = {
  'auditor-higher': [
    'The plan was reactive and not reviewed when the risks changed; the threshold for a higher grade was not reached.',
    'The safeguarding analysis lists the concerns without weighing them; graded on the evidence, not the outcome.',
  ],
  'auditor-lower': [
    'The case plan was reviewed and the child’s views are evidenced throughout; the higher grade is supported.',
    'The benchmarker gave weight to a missing log that was filed late but before the report; the grade stands.',
  ],
};

/** Small deterministic PRNG (as in results.ts). */
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

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

// The benchmark outcomes, in the order the chosen cases are met: most agree;
// of the 16 disagreements most are one step apart and the auditor grades
// higher more often than lower (seed 001: managers graded higher than the
// inspectors). `changed`: the moderator agreed with the benchmarker, so the
// auditor's first grade was one step above the case's final grade.
type Outcome = 'agree' | 'auditor-higher' | 'auditor-lower' | 'auditor-higher-2' | 'changed';
const DISAGREEMENTS: Outcome[] = [
  ...Array<Outcome>(8).fill('auditor-higher'),
  ...Array<Outcome>(4).fill('changed'),
  ...Array<Outcome>(3).fill('auditor-lower'),
  'auditor-higher-2',
];

function fits(outcome: Outcome, final: Grade): boolean {
  if (outcome === 'agree') return true;
  if (outcome === 'auditor-higher') return final !== 'not-met';
  if (outcome === 'auditor-lower') return final !== 'good';
  if (outcome === 'auditor-higher-2') return final === 'good';
  return final === 'met';
}

function step(grade: Grade, by: number): Grade {
  return GRADES[Math.min(GRADES.length - 1, Math.max(0, rank(grade) + by))] as Grade;
}

/**
 * The benchmarker's sections: the auditor's, with the overall rule's sections
 * moved to give the benchmarker's overall grade, and a few others a step apart
 * (two graders never agree on every section).
 */
function benchmarkerSections(
  result: DemoResult,
  second: Grade,
  ruleSections: readonly string[],
  random: () => number,
): Record<string, Grade> {
  const sections = { ...result.sectionGrades };
  const [decisive] = shuffle(ruleSections, random);
  for (const key of second === result.grade ? [] : ruleSections) {
    const grade = sections[key];
    if (grade === undefined) continue;
    // Lowest of the rule's sections: one at the benchmarker's grade, none below it.
    if (key === decisive || rank(grade) > rank(second)) sections[key] = second;
  }
  for (const key of Object.keys(sections)) {
    if (ruleSections.includes(key) || random() >= 0.06) continue;
    sections[key] = step(sections[key] as Grade, random() < 0.65 ? 1 : -1);
  }
  return sections;
}

export type November2014Activity = {
  challenges: DemoChallenge[];
  benchmarks: DemoBenchmark[];
  concern: DemoConcern;
};

/** The activity of the November 2014 audit over `results` (november2014Results()). */
export function november2014Activity(
  results: readonly DemoResult[],
  ruleSections: readonly string[],
): November2014Activity {
  const random = mulberry32(20141215);
  const indicesOf = (test: (row: DemoResult) => boolean) =>
    results.flatMap((row, index) => (test(row) ? [index] : []));

  const challenges: DemoChallenge[] = [];
  let counter = 0;
  const challenge = (index: number, area: string, outcome: DemoChallenge['outcome'], referred: boolean) => {
    const people = CHALLENGERS[area] ?? [];
    challenges.push({
      index,
      raisedBy: people[counter % people.length] as DemoEmail,
      originalGrade: 'not-met',
      outcome,
      referred,
      reasons: CHALLENGE_REASONS[counter % CHALLENGE_REASONS.length] as string,
      reply: REPLIES[counter % REPLIES.length] as string,
      decisionReasons: outcome === 'REGRADED' ? REGRADED_REASONS : UPHELD_REASONS,
    });
    counter += 1;
  };
  for (const [area, upheld] of Object.entries(UPHELD_PER_AREA)) {
    const notMet = shuffle(
      indicesOf((row) => row.areaCode === area && row.grade === 'not-met'),
      random,
    );
    for (const [n, index] of notMet.slice(0, upheld).entries())
      challenge(index, area, 'UPHELD', area === REFERRED_AREA && n === 0);
  }
  for (const area of REGRADED_AREAS) {
    const [index] = shuffle(
      indicesOf((row) => row.areaCode === area && row.grade === 'met' && !row.isEit),
      random,
    );
    if (index !== undefined) challenge(index, area, 'REGRADED', false);
  }

  const challenged = new Set(challenges.map((item) => item.index));
  // The one referral for non-subject children: an unchallenged Not Met case (not EIT) of an area
  // with a Head of Service in the demo other than A1 (whose journeys the e2e tests walk).
  const [concernIndex] = shuffle(
    indicesOf(
      (row) =>
        ['A4', 'A8', 'A11'].includes(row.areaCode) &&
        row.grade === 'not-met' &&
        !row.isEit &&
        !challenged.has(results.indexOf(row)),
    ),
    random,
  );
  if (concernIndex === undefined) throw new Error('No case for the safeguarding referral');
  const concern: DemoConcern = {
    index: concernIndex,
    description:
      'The report names a half-sibling living in the household who is not a subject child; no safeguarding checks or decision about them are recorded. A referral is needed to make sure arrangements are safe for the non-subject children.',
    actionTaken:
      'Referral made to the local authority for the non-subject children; the Service Manager confirmed safe arrangements with the family the same week.',
  };

  // Benchmarks: 26 by the Head of Service for A2 (never A2's), then 47 by the Senior Service Manager.
  const candidates = shuffle(
    results.flatMap((_, index) => (challenged.has(index) || index === concernIndex ? [] : [index])),
    random,
  );
  const byHead = candidates.filter((index) => results[index]?.areaCode !== 'A2').slice(0, 26);
  const taken = new Set(byHead);
  const bySsm = candidates.filter((index) => !taken.has(index)).slice(0, 47);
  const chosen = [
    ...byHead.map((index) => ({ index, benchmarker: HEAD_OF_SERVICE_A2, moderator: AUDIT_LEAD })),
    ...bySsm.map((index) => ({ index, benchmarker: AUDIT_LEAD, moderator: SECOND_SENIOR_SERVICE_MANAGER })),
  ];
  // Each disagreement goes to the first chosen case (in a shuffled order) its final grade allows.
  const outcomes = new Map<number, Outcome>();
  const order = shuffle(chosen, random);
  for (const outcome of DISAGREEMENTS) {
    const found = order.find(
      ({ index }) => !outcomes.has(index) && fits(outcome, (results[index] as DemoResult).grade),
    );
    if (!found) throw new Error(`No benchmarked case fits ${outcome}`);
    outcomes.set(found.index, outcome);
  }

  const benchmarks: DemoBenchmark[] = chosen.map(({ index, benchmarker, moderator }) => {
    const result = results[index] as DemoResult;
    const outcome = outcomes.get(index) ?? 'agree';
    const final = result.grade;
    const first = outcome === 'changed' ? step(final, -1) : final;
    const second =
      outcome === 'auditor-higher' || outcome === 'changed'
        ? step(first, 1)
        : outcome === 'auditor-lower'
          ? step(first, -1)
          : outcome === 'auditor-higher-2'
            ? step(first, 2)
            : first;
    const secondSections = benchmarkerSections(result, second, ruleSections, random);
    const differs =
      first !== second ||
      Object.entries(secondSections).some(([key, grade]) => result.sectionGrades[key] !== grade);
    const direction = rank(first) < rank(second) ? 'auditor-higher' : 'auditor-lower';
    const reasons = MODERATION_REASONS[direction];
    return {
      index,
      benchmarker,
      moderator,
      first,
      second,
      secondSections,
      agreed: differs ? final : null,
      moderationReason: differs
        ? first === second
          ? 'The overall grades agree; the section grades were settled on the evidence in the file.'
          : (reasons[index % reasons.length] as string)
        : null,
    };
  });
  return { challenges, benchmarks, concern };
}
