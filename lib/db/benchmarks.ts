import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import { applyGrades } from './grade-writer';
import { db } from './client';
import { recordAuditEvent } from './audit-events';
import { assertNotBenchmarkingBlind, auditsWithheldWhileBenchmarking } from './blind';
import { contentOf } from './case-audits';
import { notify } from './notifications';
import { assertVersionedUpdate } from './versioned';
import type { Actor } from '@/lib/domain/actor';
import type { AuditStatus, LawType } from '@/lib/domain/audits';
import {
  assignBenchmarkers,
  benchmarkerProblem,
  calibrate,
  DEFAULT_BENCHMARK_SHARE,
  drawBenchmarkSample,
  gradeDifferences,
  moderationProblems,
  moderatorProblem,
  type BenchmarkPair,
  type Calibration,
  type Difference,
  type Grades,
} from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import {
  completenessProblems,
  emptyAnswers,
  normaliseAnswers,
  type GradingAnswers,
  type Problem,
} from '@/lib/domain/grading';
import { can, NATIONAL } from '@/lib/domain/permissions';
import type { RubricContent } from '@/lib/domain/rubric';
import { GradingAnswersSchema } from '@/lib/schemas/grading';
import type { Email } from '@/lib/notify/email';

const OPEN_FOR_BENCHMARKING: AuditStatus[] = ['GRADING', 'REVIEW'];
const asJson = (value: unknown) => value as Prisma.InputJsonValue;

function sectionGradesOf(answers: GradingAnswers): Record<string, string | null> {
  return Object.fromEntries(Object.entries(answers.sections).map(([key, section]) => [key, section.grade]));
}

function assertOpen(status: AuditStatus): void {
  if (!OPEN_FOR_BENCHMARKING.includes(status))
    throw new RuleError(
      'Benchmarking happens while an audit is being graded or reviewed, before it is published.',
    );
}

/**
 * The case audits a user must not see the grades of: those they are
 * benchmarking and have not submitted yet (blind second grading).
 */
export async function blindCaseAuditIds(userId: string): Promise<Set<string>> {
  const rows = await db().benchmark.findMany({
    where: { benchmarkerId: userId, status: { in: ['ASSIGNED', 'IN_PROGRESS'] } },
    select: { caseAuditId: true },
  });
  return new Set(rows.map((row) => row.caseAuditId));
}

type Candidate = {
  caseAuditId: string;
  auditorId: string;
  serviceAreaId: string;
  overallGrade: string;
  answers: unknown;
};

async function gradedCases(auditId: string): Promise<Candidate[]> {
  const rows = await db().caseAudit.findMany({
    where: { auditId, status: 'SUBMITTED', overallGrade: { not: null } },
    select: { id: true, auditorId: true, serviceAreaId: true, overallGrade: true, answers: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({
    caseAuditId: row.id,
    auditorId: row.auditorId,
    serviceAreaId: row.serviceAreaId,
    overallGrade: row.overallGrade ?? '',
    answers: row.answers,
  }));
}

async function benchmarkers(auditId: string) {
  const [users, loads] = await Promise.all([
    db().user.findMany({
      where: { isActive: true, role: { in: ['SENIOR_SERVICE_MANAGER', 'HEAD_OF_SERVICE'] } },
      select: { id: true, name: true, role: true, serviceAreaId: true },
      orderBy: { name: 'asc' },
    }),
    db().benchmark.groupBy({ by: ['benchmarkerId'], where: { auditId }, _count: { _all: true } }),
  ]);
  const load = new Map(loads.map((row) => [row.benchmarkerId, row._count._all]));
  return users.map((user) => ({
    userId: user.id,
    name: user.name,
    role: user.role as 'SENIOR_SERVICE_MANAGER' | 'HEAD_OF_SERVICE',
    serviceAreaId: user.serviceAreaId,
    load: load.get(user.id) ?? 0,
  }));
}

async function insertBenchmarks(
  tx: Prisma.TransactionClient,
  auditId: string,
  chosenBy: 'RANDOM' | 'BY_HAND',
  rows: { candidate: Candidate; benchmarkerId: string }[],
): Promise<void> {
  for (const { candidate, benchmarkerId } of rows) {
    const answers = GradingAnswersSchema.parse(candidate.answers);
    await tx.benchmark.create({
      data: {
        auditId,
        caseAuditId: candidate.caseAuditId,
        serviceAreaId: candidate.serviceAreaId,
        auditorId: candidate.auditorId,
        benchmarkerId,
        chosenBy,
        firstOverallGrade: candidate.overallGrade,
        firstSectionGrades: asJson(sectionGradesOf(answers)),
      },
    });
  }
}

const BENCHMARK_MESSAGE = (count: number) => ({
  title: `${count} case${count === 1 ? '' : 's'} to benchmark`,
  body: 'Grade each case blind: the original grades are shown only after you submit yours.',
  link: '/benchmarks',
});

export type DrawOutcome = {
  chosen: number;
  target: number;
  extraForCoverage: number;
  unassigned: { caseReference: string; reason: string }[];
};

/** Draws the benchmark sample (share of the graded cases not yet chosen) and assigns benchmarkers. */
export async function drawBenchmarks(
  actor: Actor,
  input: { auditId: string; sharePercent: number },
): Promise<{ outcome: DrawOutcome; emails: Email[] }> {
  const audit = await db().audit.findUnique({
    where: { id: input.auditId },
    select: { id: true, status: true },
  });
  if (!audit) throw new NotFoundOrForbiddenError();
  assertOpen(audit.status);
  const [cases, existing, people] = await Promise.all([
    gradedCases(audit.id),
    db().benchmark.findMany({ where: { auditId: audit.id }, select: { caseAuditId: true } }),
    benchmarkers(audit.id),
  ]);
  if (cases.length === 0) throw new RuleError('No case of this audit has been graded yet.', 'sharePercent');
  const alreadyChosen = new Set(existing.map((row) => row.caseAuditId));
  const seed = randomUUID();
  const sample = drawBenchmarkSample(cases, { sharePercent: input.sharePercent, seed, alreadyChosen });
  const { assignments, unassigned } = assignBenchmarkers(sample.chosen, people);
  const byId = new Map(cases.map((candidate) => [candidate.caseAuditId, candidate]));
  const references = await caseReferences(unassigned.map((row) => row.caseAuditId));
  const emails = await db().$transaction(async (tx) => {
    await insertBenchmarks(
      tx,
      audit.id,
      'RANDOM',
      assignments.map((row) => ({ candidate: byId.get(row.caseAuditId)!, benchmarkerId: row.benchmarkerId })),
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'benchmark.sample-drawn',
      entityType: 'audit',
      entityId: audit.id,
      detail: {
        seed,
        sharePercent: input.sharePercent,
        chosen: assignments.length,
        unassigned: unassigned.length,
      },
    });
    const perBenchmarker = new Map<string, number>();
    for (const row of assignments)
      perBenchmarker.set(row.benchmarkerId, (perBenchmarker.get(row.benchmarkerId) ?? 0) + 1);
    const sent: Email[] = [];
    for (const [userId, count] of perBenchmarker)
      sent.push(...(await notify(tx, [userId], BENCHMARK_MESSAGE(count))));
    return sent;
  });
  return {
    outcome: {
      chosen: assignments.length,
      target: sample.target,
      extraForCoverage: sample.extraForCoverage,
      unassigned: unassigned.map((row) => ({
        caseReference: references.get(row.caseAuditId) ?? row.caseAuditId,
        reason: row.reason,
      })),
    },
    emails,
  };
}

async function caseReferences(caseAuditIds: string[]): Promise<Map<string, string>> {
  if (caseAuditIds.length === 0) return new Map();
  const rows = await db().caseAudit.findMany({
    where: { id: { in: caseAuditIds } },
    select: { id: true, sampledCase: { select: { caseFile: { select: { reference: true } } } } },
  });
  return new Map(rows.map((row) => [row.id, row.sampledCase.caseFile.reference]));
}

/** Adds one graded case by hand, with the benchmarker chosen by the audit lead. */
export async function addBenchmarkCase(
  actor: Actor,
  input: { auditId: string; caseReference: string; benchmarkerId: string },
): Promise<{ emails: Email[] }> {
  const audit = await db().audit.findUnique({
    where: { id: input.auditId },
    select: { id: true, status: true },
  });
  if (!audit) throw new NotFoundOrForbiddenError();
  assertOpen(audit.status);
  const found = await db().caseAudit.findFirst({
    where: {
      auditId: audit.id,
      sampledCase: { caseFile: { reference: { equals: input.caseReference, mode: 'insensitive' } } },
    },
    select: {
      id: true,
      status: true,
      auditorId: true,
      serviceAreaId: true,
      overallGrade: true,
      answers: true,
      benchmark: { select: { id: true } },
    },
  });
  if (!found || found.status !== 'SUBMITTED' || !found.overallGrade)
    throw new RuleError('No graded case of this audit has that reference.', 'caseReference');
  if (found.benchmark) throw new RuleError('That case is already being benchmarked.', 'caseReference');
  const person = (await benchmarkers(audit.id)).find((candidate) => candidate.userId === input.benchmarkerId);
  if (!person) throw new RuleError('Choose a Senior Service Manager or a Head of Service.', 'benchmarkerId');
  const problem = benchmarkerProblem(person, {
    auditorId: found.auditorId,
    serviceAreaId: found.serviceAreaId,
  });
  if (problem) throw new RuleError(problem, 'benchmarkerId');
  const emails = await db().$transaction(async (tx) => {
    await insertBenchmarks(tx, audit.id, 'BY_HAND', [
      {
        candidate: {
          caseAuditId: found.id,
          auditorId: found.auditorId,
          serviceAreaId: found.serviceAreaId,
          overallGrade: found.overallGrade!,
          answers: found.answers,
        },
        benchmarkerId: person.userId,
      },
    ]);
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'benchmark.case-added',
      entityType: 'audit',
      entityId: audit.id,
      detail: { caseAuditId: found.id, benchmarkerId: person.userId },
    });
    return notify(tx, [person.userId], BENCHMARK_MESSAGE(1));
  });
  return { emails };
}

export type BenchmarkListItem = {
  id: string;
  caseReference: string;
  areaCode: string;
  auditorName: string;
  benchmarkerName: string;
  chosenBy: string;
  status: string;
  differences: number | null;
};

export async function findAuditBenchmarks(auditId: string): Promise<BenchmarkListItem[]> {
  const rows = await db().benchmark.findMany({
    where: { auditId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      chosenBy: true,
      status: true,
      firstOverallGrade: true,
      firstSectionGrades: true,
      overallGrade: true,
      answers: true,
      benchmarker: { select: { name: true } },
      caseAudit: {
        select: {
          thresholdVersionId: true,
          sampledCase: {
            select: { caseFile: { select: { reference: true, serviceArea: { select: { code: true } } } } },
          },
        },
      },
      auditorId: true,
    },
  });
  const auditors = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.auditorId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(auditors.map((user) => [user.id, user.name]));
  const items: BenchmarkListItem[] = [];
  for (const row of rows) {
    let differences: number | null = null;
    if (row.status === 'SUBMITTED' || row.status === 'MODERATED') {
      const content = await contentOf(row.caseAudit.thresholdVersionId);
      differences = comparisonOf(content, row).differences.length;
    }
    items.push({
      id: row.id,
      caseReference: row.caseAudit.sampledCase.caseFile.reference,
      areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
      auditorName: names.get(row.auditorId) ?? '',
      benchmarkerName: row.benchmarker.name,
      chosenBy: row.chosenBy,
      status: row.status,
      differences,
    });
  }
  return items;
}

function comparisonOf(
  content: RubricContent,
  row: {
    firstOverallGrade: string;
    firstSectionGrades: unknown;
    overallGrade: string | null;
    answers: unknown;
  },
): { first: Grades; second: Grades; differences: Difference[] } {
  const first: Grades = {
    overall: row.firstOverallGrade,
    sections: row.firstSectionGrades as Record<string, string | null>,
  };
  const answers = row.answers ? GradingAnswersSchema.parse(row.answers) : emptyAnswers(content);
  const second: Grades = { overall: row.overallGrade, sections: sectionGradesOf(answers) };
  const sectionKeys = content.sections.map((section) => section.key);
  return { first, second, differences: gradeDifferences(sectionKeys, first, second) };
}

export type MyBenchmark = {
  id: string;
  auditName: string;
  caseReference: string;
  areaCode: string;
  status: string;
};

export async function findMyBenchmarks(actor: Actor): Promise<MyBenchmark[]> {
  const rows = await db().benchmark.findMany({
    where: { benchmarkerId: actor.userId },
    orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      status: true,
      auditId: true,
      caseAudit: {
        select: {
          sampledCase: {
            select: { caseFile: { select: { reference: true, serviceArea: { select: { code: true } } } } },
          },
        },
      },
    },
  });
  const audits = await auditNames(rows.map((row) => row.auditId));
  return rows.map((row) => ({
    id: row.id,
    auditName: audits.get(row.auditId)?.name ?? '',
    caseReference: row.caseAudit.sampledCase.caseFile.reference,
    areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
    status: row.status,
  }));
}

export type BenchmarkCase = {
  benchmarkId: string;
  auditName: string;
  auditStatus: AuditStatus;
  caseReference: string;
  areaCode: string;
  lawType: LawType;
  isEit: boolean;
  status: string;
  content: RubricContent;
  answers: GradingAnswers;
  version: number;
};

/**
 * What the benchmarker sees while grading: the case and their own answers.
 * Never the original grades; only the benchmarker may open it.
 */
export async function getBenchmarkCase(actor: Actor, benchmarkId: string): Promise<BenchmarkCase> {
  if (!can(actor, 'benchmark.grade', NATIONAL)) throw new NotFoundOrForbiddenError();
  const row = await db().benchmark.findUnique({
    where: { id: benchmarkId },
    select: {
      id: true,
      benchmarkerId: true,
      status: true,
      answers: true,
      version: true,
      auditId: true,
      caseAudit: {
        select: {
          thresholdVersionId: true,
          lawType: true,
          isEit: true,
          sampledCase: {
            select: { caseFile: { select: { reference: true, serviceArea: { select: { code: true } } } } },
          },
        },
      },
    },
  });
  if (!row || row.benchmarkerId !== actor.userId) throw new NotFoundOrForbiddenError();
  const content = await contentOf(row.caseAudit.thresholdVersionId);
  const audit = (await auditNames([row.auditId])).get(row.auditId);
  return {
    benchmarkId: row.id,
    auditName: audit?.name ?? '',
    auditStatus: audit?.status ?? 'PUBLISHED',
    caseReference: row.caseAudit.sampledCase.caseFile.reference,
    areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
    lawType: row.caseAudit.lawType!,
    isEit: row.caseAudit.isEit!,
    status: row.status,
    content,
    answers: row.answers
      ? normaliseAnswers(content, GradingAnswersSchema.parse(row.answers))
      : emptyAnswers(content),
    version: row.version,
  };
}

const isEitWorkToFirstHearing = (benchmark: BenchmarkCase) =>
  benchmark.isEit && benchmark.lawType === 'PRIVATE_LAW_WTFH';

export async function saveBenchmarkDraft(
  actor: Actor,
  benchmarkId: string,
  baseVersion: number,
  answers: GradingAnswers,
  now: Date,
): Promise<
  | { saved: true; version: number; savedAt: Date }
  | { saved: false; currentVersion: number; answers: GradingAnswers; savedAt: Date }
> {
  const benchmark = await getBenchmarkCase(actor, benchmarkId);
  if (benchmark.status !== 'ASSIGNED' && benchmark.status !== 'IN_PROGRESS')
    throw new RuleError('This benchmark has been submitted.');
  assertOpen(benchmark.auditStatus);
  const normalised = normaliseAnswers(benchmark.content, answers);
  const { count } = await db().benchmark.updateMany({
    where: { id: benchmarkId, version: baseVersion, status: { in: ['ASSIGNED', 'IN_PROGRESS'] } },
    data: { answers: asJson(normalised), status: 'IN_PROGRESS', version: { increment: 1 } },
  });
  if (count === 1) return { saved: true, version: baseVersion + 1, savedAt: now };
  const current = await getBenchmarkCase(actor, benchmarkId);
  return { saved: false, currentVersion: current.version, answers: current.answers, savedAt: now };
}

export type BenchmarkSubmit =
  { submitted: true; version: number; sentForAreaReview: false } | { submitted: false; problems: Problem[] };

export async function submitBenchmark(
  actor: Actor,
  input: { benchmarkId: string; baseVersion: number; answers: GradingAnswers },
  now: Date,
): Promise<BenchmarkSubmit> {
  const benchmark = await getBenchmarkCase(actor, input.benchmarkId);
  assertOpen(benchmark.auditStatus);
  if (benchmark.status === 'SUBMITTED' || benchmark.status === 'MODERATED')
    return { submitted: true, version: benchmark.version, sentForAreaReview: false };
  const answers = normaliseAnswers(benchmark.content, input.answers);
  const problems = completenessProblems(benchmark.content, answers, {
    isEitWorkToFirstHearing: isEitWorkToFirstHearing(benchmark),
  });
  if (problems.length > 0) return { submitted: false, problems };
  return db().$transaction(async (tx) => {
    const { count } = await tx.benchmark.updateMany({
      where: {
        id: input.benchmarkId,
        version: input.baseVersion,
        status: { in: ['ASSIGNED', 'IN_PROGRESS'] },
      },
      data: {
        answers: asJson(answers),
        overallGrade: answers.overallGrade,
        status: 'SUBMITTED',
        submittedAt: now,
        version: { increment: 1 },
      },
    });
    await assertVersionedUpdate(
      count,
      () => tx.benchmark.findUnique({ where: { id: input.benchmarkId }, select: { id: true } }),
      'benchmark',
    );
    const row = await tx.benchmark.findUniqueOrThrow({
      where: { id: input.benchmarkId },
      select: { caseAuditId: true, firstOverallGrade: true },
    });
    // The history keeps all three grades: the auditor's, the benchmarker's, and any agreed one.
    await applyGrades(tx, { actorId: actor.userId, now }, [
      {
        kind: 'note',
        caseAuditId: row.caseAuditId,
        overallGrade: answers.overallGrade,
        history: {
          event: 'benchmarked',
          reason: 'Blind benchmark grading',
          changes: [{ field: 'overallGrade', from: row.firstOverallGrade, to: answers.overallGrade ?? '' }],
        },
      },
    ]);
    return { submitted: true as const, version: input.baseVersion + 1, sentForAreaReview: false as const };
  });
}

export type Comparison = {
  benchmarkId: string;
  auditId: string;
  version: number;
  auditName: string;
  auditStatus: AuditStatus;
  caseReference: string;
  areaCode: string;
  auditorName: string;
  benchmarkerName: string;
  status: string;
  content: RubricContent;
  first: Grades;
  second: Grades;
  differences: Difference[];
  agreed: {
    overall: string | null;
    sections: Record<string, string>;
    reason: string;
    by: string | null;
  } | null;
  canModerate: boolean;
  /** Why this moderator may not settle this benchmark, shown instead of the form; null otherwise. */
  moderationRefusal: string | null;
};

/**
 * Both gradings side by side. Refused until the benchmarker has submitted:
 * before that, the original grades must not reach anyone through here.
 */
export async function getComparison(actor: Actor, benchmarkId: string): Promise<Comparison> {
  const row = await db().benchmark.findUnique({
    where: { id: benchmarkId },
    select: {
      id: true,
      version: true,
      status: true,
      benchmarkerId: true,
      auditorId: true,
      firstOverallGrade: true,
      firstSectionGrades: true,
      overallGrade: true,
      answers: true,
      agreedOverallGrade: true,
      agreedSectionGrades: true,
      moderationReason: true,
      moderatedBy: { select: { name: true } },
      benchmarker: { select: { name: true } },
      auditId: true,
      caseAudit: {
        select: {
          thresholdVersionId: true,
          auditorId: true,
          sampledCase: {
            select: { caseFile: { select: { reference: true, serviceArea: { select: { code: true } } } } },
          },
        },
      },
    },
  });
  if (!row || (row.status !== 'SUBMITTED' && row.status !== 'MODERATED'))
    throw new NotFoundOrForbiddenError();
  const mayModerate = can(actor, 'benchmark.moderate', NATIONAL);
  const isBenchmarker = row.benchmarkerId === actor.userId;
  if (!mayModerate && !isBenchmarker && !can(actor, 'benchmark.manage', NATIONAL))
    throw new NotFoundOrForbiddenError();
  const content = await contentOf(row.caseAudit.thresholdVersionId);
  const auditor = await db().user.findUnique({ where: { id: row.auditorId }, select: { name: true } });
  const { first, second, differences } = comparisonOf(content, row);
  const audit = (await auditNames([row.auditId])).get(row.auditId);
  const awaitsModeration = mayModerate && row.status === 'SUBMITTED' && differences.length > 0;
  // The benchmark's auditor is whose grades were compared; the case's is its auditor of record now.
  const moderationRefusal = awaitsModeration
    ? moderatorProblem(actor.userId, {
        benchmarkerId: row.benchmarkerId,
        auditorIds: [row.auditorId, row.caseAudit.auditorId],
      })
    : null;
  return {
    benchmarkId: row.id,
    auditId: row.auditId,
    version: row.version,
    auditName: audit?.name ?? '',
    auditStatus: audit?.status ?? 'PUBLISHED',
    caseReference: row.caseAudit.sampledCase.caseFile.reference,
    areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
    auditorName: auditor?.name ?? '',
    benchmarkerName: row.benchmarker.name,
    status: row.status,
    content,
    first,
    second,
    differences,
    agreed:
      row.status === 'MODERATED'
        ? {
            overall: row.agreedOverallGrade,
            sections: (row.agreedSectionGrades ?? {}) as Record<string, string>,
            reason: row.moderationReason ?? '',
            by: row.moderatedBy?.name ?? null,
          }
        : null,
    canModerate: awaitsModeration && moderationRefusal === null,
    moderationRefusal,
  };
}

/**
 * The moderator's agreed grades become the case's grades (reports count them);
 * the benchmark keeps both gradings, the history all three.
 */
export async function moderateBenchmark(
  actor: Actor,
  input: { benchmarkId: string; version: number; agreed: Record<string, string>; reason: string },
  now: Date,
): Promise<void> {
  const comparison = await getComparison(actor, input.benchmarkId);
  if (comparison.status !== 'SUBMITTED') throw new RuleError('This benchmark has already been moderated.');
  if (comparison.differences.length === 0)
    throw new RuleError('The two gradings agree: there is nothing to moderate.');
  if (comparison.auditStatus === 'PUBLISHED')
    throw new RuleError('This audit is published: its grades are final.');
  // One person must not settle a disagreement they are party to (the database refuses it too).
  if (comparison.moderationRefusal) throw new RuleError(comparison.moderationRefusal);
  const problems = moderationProblems(
    comparison.content.scale.levels.map((level) => level.key),
    comparison.differences,
    input.agreed,
    input.reason,
  );
  if (problems.length > 0) throw new RuleError(problems[0]!.message, problems[0]!.field);
  const agreedOverall = input.agreed.overall ?? comparison.first.overall;
  const agreedSections = Object.fromEntries(
    comparison.differences
      .filter((difference) => difference.field !== 'overall')
      .map((difference) => [difference.field, input.agreed[difference.field]!]),
  );
  await db().$transaction(async (tx) => {
    const { count } = await tx.benchmark.updateMany({
      where: { id: input.benchmarkId, version: input.version, status: 'SUBMITTED' },
      data: {
        status: 'MODERATED',
        agreedOverallGrade: agreedOverall,
        agreedSectionGrades: asJson(agreedSections),
        moderationReason: input.reason.trim(),
        moderatedById: actor.userId,
        moderatedAt: now,
        version: { increment: 1 },
      },
    });
    await assertVersionedUpdate(
      count,
      () => tx.benchmark.findUnique({ where: { id: input.benchmarkId }, select: { id: true } }),
      'benchmark',
    );
    const benchmark = await tx.benchmark.findUniqueOrThrow({
      where: { id: input.benchmarkId },
      select: { caseAuditId: true },
    });
    const [caseAudit] = await tx.$queryRaw<
      { id: string; version: number; overall_grade: string; answers: unknown }[]
    >`
      SELECT id, version, overall_grade, answers FROM case_audit WHERE id = ${benchmark.caseAuditId} FOR UPDATE`;
    if (!caseAudit) throw new NotFoundOrForbiddenError();
    const answers = GradingAnswersSchema.parse(caseAudit.answers);
    const changes: { field: string; from: string; to: string }[] = [];
    for (const [sectionKey, grade] of Object.entries(agreedSections)) {
      const section = answers.sections[sectionKey];
      if (!section || section.grade === grade) continue;
      changes.push({ field: `sections.${sectionKey}.grade`, from: section.grade ?? '', to: grade });
      section.grade = grade;
    }
    if (agreedOverall && agreedOverall !== caseAudit.overall_grade) {
      changes.push({ field: 'overallGrade', from: caseAudit.overall_grade, to: agreedOverall });
      answers.overallGrade = agreedOverall;
    }
    await applyGrades(tx, { actorId: actor.userId, now }, [
      {
        kind: 'change',
        caseAuditId: caseAudit.id,
        expectedVersion: caseAudit.version,
        answers,
        overallGrade: agreedOverall,
        history: { event: 'moderated', reason: input.reason.trim(), changes },
      },
    ]);
  });
}

async function auditNames(auditIds: string[]) {
  const audits = await db().audit.findMany({
    where: { id: { in: [...new Set(auditIds)] } },
    select: { id: true, name: true, status: true, windowTo: true, thresholdVersionId: true },
  });
  return new Map(audits.map((audit) => [audit.id, audit]));
}

export async function benchmarkerOptions(auditId: string) {
  return (await benchmarkers(auditId)).map((person) => ({
    id: person.userId,
    name: person.name,
    role: person.role,
  }));
}

export { DEFAULT_BENCHMARK_SHARE };

/**
 * The pairs of an audit (or of every audit of its kind up to it, for the trend)
 * for the calibration report. A pair shows a first grade, so an audit in which
 * the reader still benchmarks blind is withheld, and left out of the trend.
 */
export async function calibrationFor(
  actor: Pick<Actor, 'userId'>,
  auditId: string,
): Promise<{
  auditName: string;
  content: RubricContent;
  calibration: Calibration;
  acrossAudits: Calibration;
}> {
  const audit = await db().audit.findUnique({
    where: { id: auditId },
    select: { id: true, name: true, kind: true, windowTo: true, thresholdVersionId: true },
  });
  if (!audit) throw new NotFoundOrForbiddenError();
  await assertNotBenchmarkingBlind(actor, audit.id);
  const withheld = await auditsWithheldWhileBenchmarking(actor);
  const content = await contentOf(audit.thresholdVersionId);
  const rows = await db().benchmark.findMany({
    where: {
      status: { in: ['SUBMITTED', 'MODERATED'] },
      auditId: {
        in: (
          await db().audit.findMany({
            where: { kind: audit.kind, windowTo: { lte: audit.windowTo }, id: { notIn: withheld } },
            select: { id: true },
          })
        ).map((candidate) => candidate.id),
      },
    },
    select: {
      auditId: true,
      auditorId: true,
      serviceAreaId: true,
      firstOverallGrade: true,
      firstSectionGrades: true,
      overallGrade: true,
      answers: true,
      moderatedById: true,
      moderatedBy: { select: { name: true } },
    },
  });
  const audits = await auditNames(rows.map((row) => row.auditId));
  // Across audits in time order, so the trend reads left to right.
  rows.sort(
    (a, b) =>
      (audits.get(a.auditId)?.windowTo.getTime() ?? 0) - (audits.get(b.auditId)?.windowTo.getTime() ?? 0),
  );
  const people = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.auditorId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((person) => [person.id, person.name]));
  const areas = new Map(
    (await db().serviceArea.findMany({ select: { id: true, code: true } })).map((area) => [
      area.id,
      area.code,
    ]),
  );
  const pairs: BenchmarkPair[] = [];
  for (const row of rows) {
    const rowAudit = audits.get(row.auditId)!;
    const rowContent = await contentOf(rowAudit.thresholdVersionId);
    const { first, second } = comparisonOf(rowContent, row);
    pairs.push({
      auditId: row.auditId,
      auditName: rowAudit.name,
      auditorId: row.auditorId,
      auditorName: names.get(row.auditorId) ?? '',
      serviceAreaId: row.serviceAreaId,
      areaCode: areas.get(row.serviceAreaId) ?? '',
      first,
      second,
      moderatorId: row.moderatedById,
      moderatorName: row.moderatedBy?.name ?? null,
    });
  }
  const levels = content.scale.levels.map((level) => level.key);
  const labels = Object.fromEntries(content.scale.levels.map((level) => [level.key, level.label]));
  const sections = content.sections.map((section) => ({ key: section.key, title: section.title }));
  // Other audits may grade on another scale: the trend compares only pairs on this audit's scale.
  const onScale = pairs.filter((pair) =>
    [pair.first.overall, pair.second.overall].every((grade) => grade !== null && levels.includes(grade)),
  );
  return {
    auditName: audit.name,
    content,
    calibration: calibrate(
      levels,
      sections,
      pairs.filter((pair) => pair.auditId === audit.id),
      labels,
    ),
    acrossAudits: calibrate(levels, sections, onScale, labels),
  };
}
