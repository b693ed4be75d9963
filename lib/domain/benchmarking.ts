// Benchmarking: after the auditors grade an audit's cases, a Senior Service
// Manager or a Head of Service re-grades a share of them blind (seed 000: "the
// SSM benchmarked 47 cases and an independent Head of Service 26"); where the
// two disagree a moderator records the agreed grade. This module draws the
// benchmark sample, shares it among the benchmarkers, finds the differences a
// moderator must settle, and turns the pairs into calibration figures. Pure: no
// I/O, no framework; the seed, the people and their loads are passed in.
import {
  directionOfDisagreement,
  measureAgreement,
  type Agreement,
  type AgreementOptions,
  type Direction,
  type GradePair,
} from './agreement';
import type { AuditStatus } from './audits';
import { RuleError } from './errors';
import { emptyAnswers, sectionGrades, type AnswerChange, type GradingAnswers } from './grading';
import { ROLE_LABELS, type Role } from './roles';
import type { RubricContent } from './rubric';
import { sampleSizeFor, seededShuffle } from './sampling';

/** Percent of an audit's graded cases that are benchmarked, before coverage. */
export const DEFAULT_BENCHMARK_SHARE = 10;
/** A moderator's reason must say something: "agreed" alone does not explain a grade. */
export const MIN_MODERATION_REASON_LENGTH = 10;
export const BENCHMARKER_ROLES = ['SENIOR_SERVICE_MANAGER', 'HEAD_OF_SERVICE'] as const;

export type BenchmarkerRole = (typeof BENCHMARKER_ROLES)[number];

export type GradedCase = { caseAuditId: string; auditorId: string; serviceAreaId: string };

export type Benchmarker = {
  userId: string;
  name: string;
  role: BenchmarkerRole;
  serviceAreaId: string | null;
  /** Benchmarks already assigned to them in this audit. */
  load: number;
};

/** Anyone who might be asked to benchmark: any role, so the refusal can say why. */
export type BenchmarkerCandidate = Pick<Benchmarker, 'userId' | 'name' | 'serviceAreaId'> & { role: Role };

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isBenchmarkerRole(role: Role): role is BenchmarkerRole {
  return (BENCHMARKER_ROLES as readonly Role[]).includes(role);
}

function withArticle(words: string): string {
  return /^[AEIOU]/i.test(words) ? `an ${words}` : `a ${words}`;
}

function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new RangeError(`${what} "${value}" appears more than once`);
    seen.add(value);
  }
}

/**
 * Who may benchmark a case: a Senior Service Manager or a Head of Service who is
 * neither the case's original auditor nor from the case's service area (either
 * would be marking their own or their area's homework). Null when eligible, else
 * the reason in plain words. A Head of Service with no area recorded is treated
 * as from no area.
 */
export function benchmarkerProblem(
  benchmarker: BenchmarkerCandidate,
  graded: Pick<GradedCase, 'auditorId' | 'serviceAreaId'>,
): string | null {
  const { name, role } = benchmarker;
  if (!isBenchmarkerRole(role)) {
    const roleLabel = ROLE_LABELS[role] ?? String(role);
    return `${name} is ${withArticle(roleLabel)}; only a Senior Service Manager or a Head of Service may benchmark`;
  }
  if (benchmarker.userId === graded.auditorId) return `${name} graded this case originally`;
  if (benchmarker.serviceAreaId !== null && benchmarker.serviceAreaId === graded.serviceAreaId) {
    return role === 'HEAD_OF_SERVICE'
      ? `${name} is Head of Service for this case's area`
      : `${name} is a Senior Service Manager in this case's area`;
  }
  return null;
}

export type BenchmarkSample = {
  /** The newly chosen cases: coverage picks first, then the random fill, in draw order. */
  chosen: GradedCase[];
  /** ceil(share% × all graded cases), at least 1 when there are any: the audit's whole benchmark sample. */
  target: number;
  /** Chosen beyond what the share called for, so every auditor and area is benchmarked at least once. */
  extraForCoverage: number;
  /** Graded cases already in the benchmark sample; they count towards the target and the coverage. */
  alreadyChosenCount: number;
};

/**
 * The benchmark sample. The target is ceil(share% of the graded cases), so any
 * graded case makes it at least 1. Every auditor and every service area among the
 * graded cases is benchmarked at least once, even when that needs more than the
 * target (the excess is `extraForCoverage`); the rest are drawn at random.
 *
 * `alreadyChosen` (caseAuditIds) supports topping up a sample after more cases
 * are graded: those cases are never drawn again, and they count towards both the
 * coverage and the target, so drawing again never takes the audit past its share
 * (plus whatever coverage needs).
 *
 * Reproducible: the cases are put in caseAuditId order and shuffled by `seed`, so
 * the same cases, share and seed give the same sample whatever order they arrive
 * in. Coverage is greedy in that shuffled order: each pick is the first case that
 * covers the most auditors and areas not yet covered (two before one).
 */
export function drawBenchmarkSample(
  cases: GradedCase[],
  options: { sharePercent: number; seed: string; alreadyChosen?: Set<string> },
): BenchmarkSample {
  const { sharePercent, seed } = options;
  if (!Number.isInteger(sharePercent) || sharePercent < 1 || sharePercent > 100)
    throw new RangeError(`sharePercent must be a whole number from 1 to 100 (got ${sharePercent})`);
  assertUnique(
    cases.map((item) => item.caseAuditId),
    'caseAuditId',
  );

  const alreadyChosen = options.alreadyChosen ?? new Set<string>();
  const target = sampleSizeFor(cases.length, sharePercent);
  const previous = cases.filter((item) => alreadyChosen.has(item.caseAuditId));
  const coveredAuditors = new Set(previous.map((item) => item.auditorId));
  const coveredAreas = new Set(previous.map((item) => item.serviceAreaId));
  const allAuditors = new Set(cases.map((item) => item.auditorId));
  const allAreas = new Set(cases.map((item) => item.serviceAreaId));

  const ordered = cases
    .filter((item) => !alreadyChosen.has(item.caseAuditId))
    .sort((a, b) => compareText(a.caseAuditId, b.caseAuditId));
  const pool = seededShuffle(ordered, seed);
  const chosen: GradedCase[] = [];
  const taken = new Set<string>();
  const take = (item: GradedCase) => {
    chosen.push(item);
    taken.add(item.caseAuditId);
    coveredAuditors.add(item.auditorId);
    coveredAreas.add(item.serviceAreaId);
  };
  const gain = (item: GradedCase) =>
    Number(!coveredAuditors.has(item.auditorId)) + Number(!coveredAreas.has(item.serviceAreaId));

  // Every auditor and area has a graded case, already chosen or still in the pool,
  // so each round covers at least one more and the loop ends.
  while (coveredAuditors.size < allAuditors.size || coveredAreas.size < allAreas.size) {
    let best: GradedCase | null = null;
    let bestGain = 0;
    for (const item of pool) {
      if (taken.has(item.caseAuditId)) continue;
      const itemGain = gain(item);
      if (itemGain > bestGain) {
        best = item;
        bestGain = itemGain;
        if (bestGain === 2) break;
      }
    }
    if (best === null) break;
    take(best);
  }

  const toDraw = Math.max(0, target - previous.length);
  const extraForCoverage = Math.max(0, chosen.length - toDraw);
  for (const item of pool) {
    if (chosen.length >= toDraw) break;
    if (!taken.has(item.caseAuditId)) take(item);
  }
  return { chosen, target, extraForCoverage, alreadyChosenCount: previous.length };
}

export type BenchmarkAssignment = { caseAuditId: string; benchmarkerId: string };
export type UnassignedBenchmark = { caseAuditId: string; reason: string };

export const NO_BENCHMARKERS_REASON =
  'There is no Senior Service Manager or Head of Service to benchmark this case.';

/**
 * Gives each chosen case to an eligible benchmarker with the lowest load (their
 * existing load plus what this call has given them); ties go to whoever this call
 * has given fewer, then to the lower userId. The most constrained cases (fewest
 * eligible benchmarkers) are placed first, then by caseAuditId, so a case only one
 * person may take does not find them already loaded up with cases anyone could
 * take; the answer is the same whatever order the cases and benchmarkers arrive
 * in. Assignments and unassigned cases are listed in the order of `chosen`.
 */
export function assignBenchmarkers(
  chosen: GradedCase[],
  benchmarkers: Benchmarker[],
): { assignments: BenchmarkAssignment[]; unassigned: UnassignedBenchmark[] } {
  assertUnique(
    chosen.map((item) => item.caseAuditId),
    'caseAuditId',
  );
  assertUnique(
    benchmarkers.map((person) => person.userId),
    'benchmarker userId',
  );
  for (const person of benchmarkers) {
    if (!Number.isInteger(person.load) || person.load < 0)
      throw new RangeError(
        `load of benchmarker "${person.userId}" must be a whole number of at least 0 (got ${person.load})`,
      );
  }

  const people = [...benchmarkers].sort((a, b) => compareText(a.userId, b.userId));
  const load = new Map(people.map((person) => [person.userId, person.load]));
  const given = new Map(people.map((person) => [person.userId, 0]));
  const considered = chosen.map((item) => ({
    item,
    eligible: people.filter((person) => benchmarkerProblem(person, item) === null),
  }));
  const order = [...considered].sort(
    (a, b) => a.eligible.length - b.eligible.length || compareText(a.item.caseAuditId, b.item.caseAuditId),
  );

  const benchmarkerOf = new Map<string, string>();
  for (const { item, eligible } of order) {
    let best: Benchmarker | null = null;
    for (const person of eligible) {
      if (best === null) {
        best = person;
        continue;
      }
      const byLoad = (load.get(person.userId) ?? 0) - (load.get(best.userId) ?? 0);
      const byGiven = (given.get(person.userId) ?? 0) - (given.get(best.userId) ?? 0);
      // `eligible` is in userId order, so a later person wins only on a strictly better count.
      if (byLoad < 0 || (byLoad === 0 && byGiven < 0)) best = person;
    }
    if (best === null) continue;
    benchmarkerOf.set(item.caseAuditId, best.userId);
    load.set(best.userId, (load.get(best.userId) ?? 0) + 1);
    given.set(best.userId, (given.get(best.userId) ?? 0) + 1);
  }

  const assignments: BenchmarkAssignment[] = [];
  const unassigned: UnassignedBenchmark[] = [];
  for (const { item } of considered) {
    const benchmarkerId = benchmarkerOf.get(item.caseAuditId);
    if (benchmarkerId !== undefined) {
      assignments.push({ caseAuditId: item.caseAuditId, benchmarkerId });
      continue;
    }
    const reasons = people
      .map((person) => benchmarkerProblem(person, item))
      .filter((reason): reason is string => reason !== null);
    unassigned.push({
      caseAuditId: item.caseAuditId,
      reason:
        reasons.length === 0
          ? NO_BENCHMARKERS_REASON
          : `No one may benchmark this case: ${reasons.join('; ')}.`,
    });
  }
  return { assignments, unassigned };
}

export type Grades = { overall: string | null; sections: Record<string, string | null> };
export type Difference = {
  /** 'overall' or a section key. */
  field: string;
  /** The original auditor's grade. */
  first: string | null;
  /** The benchmarker's grade. */
  second: string | null;
};

/**
 * Where the benchmarker's grades differ from the original auditor's: the overall
 * grade, then each section in `sectionKeys` order. Two different grades differ; a
 * grade against no grade differs; no grade against no grade does not. A section
 * missing from `sections` counts as not graded.
 */
export function gradeDifferences(sectionKeys: string[], first: Grades, second: Grades): Difference[] {
  assertUnique(sectionKeys, 'section key');
  const fields: Difference[] = [
    { field: 'overall', first: first.overall, second: second.overall },
    ...sectionKeys.map((key) => ({
      field: key,
      first: first.sections[key] ?? null,
      second: second.sections[key] ?? null,
    })),
  ];
  return fields.filter((difference) => difference.first !== difference.second);
}

export type ModerationProblem = { field: string; message: string };

/** The form field for a difference's agreed grade: 'agreed.overall' or 'agreed.<sectionKey>'. */
export function agreedField(field: string): string {
  return `agreed.${field}`;
}

/**
 * What stops a moderation being recorded: every differing field needs an agreed
 * grade on the scale, and the reason must be at least MIN_MODERATION_REASON_LENGTH
 * characters once trimmed. Agreed grades for fields that do not differ are ignored.
 * Problems are listed in the order of `differences`, then the reason.
 */
export function moderationProblems(
  levelKeys: string[],
  differences: Difference[],
  agreed: Record<string, string>,
  reason: string,
): ModerationProblem[] {
  const problems: ModerationProblem[] = [];
  const scale = new Set(levelKeys);
  for (const { field } of differences) {
    const grade = Object.hasOwn(agreed, field) ? agreed[field] : undefined;
    const what = field === 'overall' ? 'the overall grade' : 'this section';
    if (grade === undefined || grade.trim() === '')
      problems.push({ field: agreedField(field), message: `Choose the agreed grade for ${what}.` });
    else if (!scale.has(grade))
      problems.push({
        field: agreedField(field),
        message: `"${grade}" is not a grade on this scale; choose the agreed grade for ${what}.`,
      });
  }
  if (reason.trim().length < MIN_MODERATION_REASON_LENGTH)
    problems.push({
      field: 'reason',
      message: `Give a reason for the agreed grades of at least ${MIN_MODERATION_REASON_LENGTH} characters.`,
    });
  return problems;
}

/** Who may settle a benchmark, said once so the page and the refusal agree. */
export const WHO_MAY_MODERATE =
  'Another Senior Service Manager, one who neither graded nor benchmarked this case, must moderate it.';
export const MODERATOR_IS_BENCHMARKER = `You benchmarked this case. ${WHO_MAY_MODERATE}`;
export const MODERATOR_IS_AUDITOR = `You graded this case. ${WHO_MAY_MODERATE}`;

/**
 * Whether `moderatorId` may record the agreed grade of a benchmark: not its
 * benchmarker, and not the auditor whose grades it was compared with nor the
 * case's auditor of record (the same person unless the case changed hands).
 * Either would settle a disagreement with themselves and overrule the other
 * grader alone. Null when they may, else the reason in plain words; being the
 * benchmarker is named first.
 */
export function moderatorProblem(
  moderatorId: string,
  benchmark: { benchmarkerId: string; auditorIds: readonly string[] },
): string | null {
  if (moderatorId === benchmark.benchmarkerId) return MODERATOR_IS_BENCHMARKER;
  if (benchmark.auditorIds.includes(moderatorId)) return MODERATOR_IS_AUDITOR;
  return null;
}

/** Benchmarks are drawn, graded and moderated while the audit is graded or reviewed. */
export const OPEN_FOR_BENCHMARKING: readonly AuditStatus[] = ['GRADING', 'REVIEW'];

export function assertOpenForBenchmarking(status: AuditStatus): void {
  if (!OPEN_FOR_BENCHMARKING.includes(status))
    throw new RuleError(
      'Benchmarking happens while an audit is being graded or reviewed, before it is published.',
    );
}

/** What a benchmarker is told (inbox and e-mail) when cases are given to them. */
export function benchmarksAssignedMessage(count: number): { title: string; body: string; link: string } {
  return {
    title: `${count} case${count === 1 ? '' : 's'} to benchmark`,
    body: 'Grade each case blind: the original grades are shown only after you submit yours.',
    link: '/benchmarks',
  };
}

/** A benchmark as stored: the auditor's grades, copied when it was chosen, and the benchmarker's answers. */
export type StoredGradings = {
  firstOverallGrade: string;
  firstSectionGrades: Record<string, string | null>;
  overallGrade: string | null;
  /** Null until the benchmarker first saves. */
  answers: GradingAnswers | null;
};

/** Both gradings of a benchmark, on the sections of `content`, and where they differ. */
export function compareGradings(
  content: RubricContent,
  stored: StoredGradings,
): { first: Grades; second: Grades; differences: Difference[] } {
  const first: Grades = { overall: stored.firstOverallGrade, sections: stored.firstSectionGrades };
  const second: Grades = {
    overall: stored.overallGrade,
    sections: sectionGrades(stored.answers ?? emptyAnswers(content)),
  };
  const sectionKeys = content.sections.map((section) => section.key);
  return { first, second, differences: gradeDifferences(sectionKeys, first, second) };
}

/**
 * Why this benchmark cannot be moderated by `moderatorId` now; null when it
 * can. A moderation settles a submitted benchmark whose gradings differ, in an
 * audit not yet published, by someone party to neither grading
 * (moderatorProblem; the database refuses it too).
 */
export function reasonNotToModerate(
  moderatorId: string,
  benchmark: {
    status: string;
    differences: number;
    auditStatus: AuditStatus;
    benchmarkerId: string;
    auditorIds: readonly string[];
  },
): string | null {
  if (benchmark.status !== 'SUBMITTED') return 'This benchmark has already been moderated.';
  if (benchmark.differences === 0) return 'The two gradings agree: there is nothing to moderate.';
  if (benchmark.auditStatus === 'PUBLISHED') return 'This audit is published: its grades are final.';
  return moderatorProblem(moderatorId, benchmark);
}

export type AgreedGrades = { overall: string | null; sections: Record<string, string> };

/**
 * The grades a moderation records: an agreed grade for each differing section;
 * overall, the agreed grade if one was given, else the auditor's. Call after
 * moderationProblems found none, so every differing field has its grade.
 */
export function agreedGrades(
  differences: Difference[],
  agreed: Record<string, string>,
  firstOverall: string | null,
): AgreedGrades {
  return {
    overall: agreed.overall ?? firstOverall,
    sections: Object.fromEntries(
      differences
        .filter((difference) => difference.field !== 'overall')
        .map((difference) => [difference.field, agreed[difference.field]!]),
    ),
  };
}

/**
 * The case's answers with the agreed grades written in, and what changed for
 * its history. A section the case no longer has is left alone; a grade already
 * agreed is no change.
 */
export function withAgreedGrades(
  answers: GradingAnswers,
  overallGrade: string,
  agreed: AgreedGrades,
): { answers: GradingAnswers; changes: AnswerChange[] } {
  const sections = { ...answers.sections };
  const changes: AnswerChange[] = [];
  for (const [sectionKey, grade] of Object.entries(agreed.sections)) {
    const section = sections[sectionKey];
    if (!section || section.grade === grade) continue;
    changes.push({ field: `sections.${sectionKey}.grade`, from: section.grade ?? '', to: grade });
    sections[sectionKey] = { ...section, grade };
  }
  const changed = { ...answers, sections };
  if (agreed.overall && agreed.overall !== overallGrade) {
    changes.push({ field: 'overallGrade', from: overallGrade, to: agreed.overall });
    changed.overallGrade = agreed.overall;
  }
  return { answers: changed, changes };
}

export type BenchmarkPair = {
  auditId: string;
  auditName: string;
  auditorId: string;
  auditorName: string;
  serviceAreaId: string;
  areaCode: string;
  /** The original auditor's grades. */
  first: Grades;
  /** The benchmarker's grades. */
  second: Grades;
  moderatorId: string | null;
  moderatorName: string | null;
};

export type GroupAgreement = {
  key: string;
  label: string;
  /** Benchmark pairs in the group, whether or not both graded overall. */
  pairs: number;
  overall: Agreement;
  direction: Direction;
};

export type Calibration = {
  pairs: number;
  /** On the overall grade, where both graded it. */
  overall: Agreement;
  /** Original auditors against benchmarkers on the overall grade (positive: auditors grade higher). */
  direction: Direction;
  /** Percent agreement ascending (most disagreement first); sections with no pairs last; ties keep `sections` order. */
  sections: { key: string; title: string; agreement: Agreement }[];
  /** By auditor name, then id. Positive meanDifference: the auditor grades higher than the benchmarkers. */
  byAuditor: GroupAgreement[];
  /** By area code, then id. */
  byArea: GroupAgreement[];
  /** In the order audits are first met in `pairs` (the caller sorts by date). */
  byAudit: GroupAgreement[];
  /** Pairs with a moderator: count descending, then name, then id. */
  moderations: { moderatorId: string; name: string; count: number }[];
};

function overallPairs(pairs: readonly BenchmarkPair[]): GradePair[] {
  return pairs.flatMap(({ first, second }) =>
    first.overall !== null && second.overall !== null
      ? [{ first: first.overall, second: second.overall }]
      : [],
  );
}

function sectionPairs(pairs: readonly BenchmarkPair[], key: string): GradePair[] {
  return pairs.flatMap(({ first, second }) => {
    const a = first.sections[key] ?? null;
    const b = second.sections[key] ?? null;
    return a !== null && b !== null ? [{ first: a, second: b }] : [];
  });
}

function groupBy(
  pairs: readonly BenchmarkPair[],
  keyOf: (pair: BenchmarkPair) => string,
  labelOf: (pair: BenchmarkPair) => string,
): { key: string; label: string; members: BenchmarkPair[] }[] {
  const groups = new Map<string, { key: string; label: string; members: BenchmarkPair[] }>();
  for (const pair of pairs) {
    const key = keyOf(pair);
    const group = groups.get(key);
    if (group) group.members.push(pair);
    else groups.set(key, { key, label: labelOf(pair), members: [pair] });
  }
  return [...groups.values()];
}

/**
 * Calibration figures from benchmark pairs: agreement and direction on the overall
 * grade (overall, by auditor, by area, by audit) and agreement per section (only
 * pairs where both graders graded the section). Levels are keys, highest first;
 * `labels` (level key → label) is forwarded so the sentences use the users' words.
 * A grade that is not on the scale throws, as measureAgreement does.
 */
export function calibrate(
  levels: string[],
  sections: { key: string; title: string }[],
  pairs: BenchmarkPair[],
  labels?: Readonly<Record<string, string>>,
): Calibration {
  assertUnique(
    sections.map((section) => section.key),
    'section key',
  );
  const base: AgreementOptions = labels ? { labels } : {};
  const graders = (first: string): AgreementOptions => ({
    ...base,
    graders: { first, second: 'the benchmarkers' },
  });
  const summarise = (
    groups: { key: string; label: string; members: BenchmarkPair[] }[],
    firstGrader: (label: string) => string,
  ): GroupAgreement[] =>
    groups.map(({ key, label, members }) => {
      const graded = overallPairs(members);
      return {
        key,
        label,
        pairs: members.length,
        overall: measureAgreement(levels, graded, base),
        direction: directionOfDisagreement(levels, graded, graders(firstGrader(label))),
      };
    });

  const overall = overallPairs(pairs);
  const sectionAgreements = sections
    .map((section) => ({
      key: section.key,
      title: section.title,
      agreement: measureAgreement(levels, sectionPairs(pairs, section.key), base),
    }))
    .sort((a, b) => {
      const x = a.agreement.percentAgreement.value;
      const y = b.agreement.percentAgreement.value;
      if (x === null || y === null) return Number(x === null) - Number(y === null);
      return x - y;
    });

  const byAuditor = groupBy(
    pairs,
    (pair) => pair.auditorId,
    (pair) => pair.auditorName,
  ).sort((a, b) => compareText(a.label, b.label) || compareText(a.key, b.key));
  const byArea = groupBy(
    pairs,
    (pair) => pair.serviceAreaId,
    (pair) => pair.areaCode,
  ).sort((a, b) => compareText(a.label, b.label) || compareText(a.key, b.key));
  const byAudit = groupBy(
    pairs,
    (pair) => pair.auditId,
    (pair) => pair.auditName,
  );

  const moderations = new Map<string, { moderatorId: string; name: string; count: number }>();
  for (const { moderatorId, moderatorName } of pairs) {
    if (moderatorId === null) continue;
    const entry = moderations.get(moderatorId);
    if (entry) entry.count += 1;
    else moderations.set(moderatorId, { moderatorId, name: moderatorName ?? moderatorId, count: 1 });
  }

  return {
    pairs: pairs.length,
    overall: measureAgreement(levels, overall, base),
    direction: directionOfDisagreement(levels, overall, {
      ...base,
      graders: { first: 'the auditors', second: 'the benchmarkers' },
    }),
    sections: sectionAgreements,
    byAuditor: summarise(byAuditor, (label) => label),
    byArea: summarise(byArea, (label) => `the auditors in ${label}`),
    byAudit: summarise(byAudit, (label) => `the auditors in ${label}`),
    moderations: [...moderations.values()].sort(
      (a, b) => b.count - a.count || compareText(a.name, b.name) || compareText(a.moderatorId, b.moderatorId),
    ),
  };
}

/**
 * The report's sentence, as seed 000 §1 writes it: "Sara Mensah benchmarked
 * 47 cases and Helen Okafor 26; 5 were moderated."
 */
export function describeBenchmarking(
  benchmarkers: { name: string; cases: number }[],
  moderated: number,
): string {
  const done = benchmarkers.filter((benchmarker) => benchmarker.cases > 0);
  if (done.length === 0) return 'No cases have been benchmarked for this audit.';
  const cases = (n: number) => `${n} case${n === 1 ? '' : 's'}`;
  const parts = done.map((benchmarker, index) =>
    index === 0
      ? `${benchmarker.name} benchmarked ${cases(benchmarker.cases)}`
      : `${benchmarker.name} ${benchmarker.cases}`,
  );
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  const moderation =
    moderated === 0 ? 'none needed moderation' : `${moderated} ${moderated === 1 ? 'was' : 'were'} moderated`;
  return `${list}; ${moderation}.`;
}

export const BENCHMARK_STATUS_LABELS: Record<string, string> = {
  ASSIGNED: 'Not started',
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Submitted',
  MODERATED: 'Moderated',
};

/**
 * A benchmark whose benchmarker has submitted: both gradings exist, so they
 * may be compared (and the first shown). Before that there is nothing to compare.
 */
export function hasBothGradings(status: string): boolean {
  return status === 'SUBMITTED' || status === 'MODERATED';
}

/** A benchmark its benchmarker has not submitted yet: they grade blind until they do. */
export const UNSUBMITTED_BENCHMARK_STATUSES = ['ASSIGNED', 'IN_PROGRESS'] as const;

/**
 * Blind benchmarking covers the whole audit, not only the benchmarked case: with
 * an area or a team of one graded case, any figure of the audit (a report row, a
 * challenge count, a calibration pair) gives away a first grade. So whoever holds
 * an unsubmitted benchmark in an audit sees none of its figures until they submit.
 * A published audit takes no more benchmark gradings, so there is no blindness
 * left to protect and its figures are open again.
 */
export function isWithheldWhileBenchmarking(auditStatus: string, unsubmittedBenchmarks: number): boolean {
  return auditStatus !== 'PUBLISHED' && unsubmittedBenchmarks > 0;
}

/** What the person is told instead of the figures: why, and what to do. */
export const WITHHELD_WHILE_BENCHMARKING =
  'Submit your benchmark gradings to see this audit’s report. You are benchmarking cases in this audit, and you grade them blind: until you submit, its figures stay hidden from you, because they could show you the first grades.';
