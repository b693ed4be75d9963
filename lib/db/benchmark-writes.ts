import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db, type Tx } from './client';
import type { GradedCandidate } from './benchmark-sample';
import { assertVersionedUpdate } from './versioned';
import type { AgreedGrades } from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { sectionGrades, type GradingAnswers } from '@/lib/domain/grading';
import { GradingAnswersSchema } from '@/lib/schemas/grading';

// The versioned writes of benchmarking. A case's own grades and history are
// written by applyGrades (grade-writer.ts), in the caller's transaction.

const asJson = (value: unknown) => value as Prisma.InputJsonValue;
const UNSUBMITTED = { in: ['ASSIGNED' as const, 'IN_PROGRESS' as const] };

const stillThere = (tx: Tx, benchmarkId: string) => () =>
  tx.benchmark.findUnique({ where: { id: benchmarkId }, select: { id: true } });

/** New benchmarks, each with a copy of the auditor's grades as they stand now (the first grading). */
export async function insertBenchmarks(
  tx: Tx,
  auditId: string,
  chosenBy: 'RANDOM' | 'BY_HAND',
  rows: { candidate: GradedCandidate; benchmarkerId: string }[],
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
        firstSectionGrades: asJson(sectionGrades(answers)),
      },
    });
  }
}

/** The benchmarker's working answers, if nobody saved since `baseVersion`; false when someone did. */
export async function saveBenchmarkAnswers(
  benchmarkId: string,
  baseVersion: number,
  answers: GradingAnswers,
): Promise<boolean> {
  const { count } = await db().benchmark.updateMany({
    where: { id: benchmarkId, version: baseVersion, status: UNSUBMITTED },
    data: { answers: asJson(answers), status: 'IN_PROGRESS', version: { increment: 1 } },
  });
  return count === 1;
}

/** Records the benchmarker's grades as submitted; a stale version is refused. */
export async function markBenchmarkSubmitted(
  tx: Tx,
  input: { benchmarkId: string; baseVersion: number; answers: GradingAnswers; now: Date },
): Promise<{ caseAuditId: string; firstOverallGrade: string }> {
  const { count } = await tx.benchmark.updateMany({
    where: { id: input.benchmarkId, version: input.baseVersion, status: UNSUBMITTED },
    data: {
      answers: asJson(input.answers),
      overallGrade: input.answers.overallGrade,
      status: 'SUBMITTED',
      submittedAt: input.now,
      version: { increment: 1 },
    },
  });
  await assertVersionedUpdate(count, stillThere(tx, input.benchmarkId), 'benchmark');
  return tx.benchmark.findUniqueOrThrow({
    where: { id: input.benchmarkId },
    select: { caseAuditId: true, firstOverallGrade: true },
  });
}

/** Records the agreed grades on a submitted benchmark; a stale version is refused. Returns its case audit. */
export async function markBenchmarkModerated(
  tx: Tx,
  input: {
    benchmarkId: string;
    version: number;
    agreed: AgreedGrades;
    reason: string;
    moderatorId: string;
    now: Date;
  },
): Promise<string> {
  const { count } = await tx.benchmark.updateMany({
    where: { id: input.benchmarkId, version: input.version, status: 'SUBMITTED' },
    data: {
      status: 'MODERATED',
      agreedOverallGrade: input.agreed.overall,
      agreedSectionGrades: asJson(input.agreed.sections),
      moderationReason: input.reason,
      moderatedById: input.moderatorId,
      moderatedAt: input.now,
      version: { increment: 1 },
    },
  });
  await assertVersionedUpdate(count, stillThere(tx, input.benchmarkId), 'benchmark');
  const { caseAuditId } = await tx.benchmark.findUniqueOrThrow({
    where: { id: input.benchmarkId },
    select: { caseAuditId: true },
  });
  return caseAuditId;
}

/** A case's grades, locked for the rest of the transaction so a re-grade starts from them. */
export async function lockCaseGrades(
  tx: Tx,
  caseAuditId: string,
): Promise<{ caseAuditId: string; version: number; overallGrade: string; answers: GradingAnswers }> {
  const [row] = await tx.$queryRaw<
    { id: string; version: number; overall_grade: string; answers: unknown }[]
  >`
    SELECT id, version, overall_grade, answers FROM case_audit WHERE id = ${caseAuditId} FOR UPDATE`;
  if (!row) throw new NotFoundOrForbiddenError();
  return {
    caseAuditId: row.id,
    version: row.version,
    overallGrade: row.overall_grade,
    answers: GradingAnswersSchema.parse(row.answers),
  };
}
