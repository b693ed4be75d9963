import 'server-only';
import { markBenchmarkSubmitted } from '@/lib/db/benchmark-writes';
import { getBenchmarkGrading } from '@/lib/db/benchmarks';
import { db } from '@/lib/db/client';
import { applyGrades } from '@/lib/db/grade-writer';
import type { Actor } from '@/lib/domain/actor';
import { assertOpenForBenchmarking, hasBothGradings } from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import {
  completenessProblems,
  normaliseAnswers,
  type GradingAnswers,
  type Problem,
} from '@/lib/domain/grading';
import { can, inArea } from '@/lib/domain/permissions';

export type BenchmarkSubmit =
  { submitted: true; version: number; sentForAreaReview: false } | { submitted: false; problems: Problem[] };

/**
 * The benchmarker's blind grades, submitted once (a retry after success is
 * answered as a success). The case's history notes the benchmarker's grade
 * beside the auditor's; the case's own grades do not change.
 */
export async function submitBenchmark(
  actor: Actor,
  input: { benchmarkId: string; baseVersion: number; answers: GradingAnswers },
  now: Date,
): Promise<BenchmarkSubmit> {
  const target = await getBenchmarkGrading(input.benchmarkId);
  if (
    !target ||
    !can(actor, 'benchmark.grade', inArea(target.serviceAreaId)) ||
    target.benchmarkerId !== actor.userId
  )
    throw new NotFoundOrForbiddenError('benchmark.grade');
  const benchmark = target.view;
  assertOpenForBenchmarking(benchmark.auditStatus);
  if (hasBothGradings(benchmark.status))
    return { submitted: true, version: benchmark.version, sentForAreaReview: false };
  const answers = normaliseAnswers(benchmark.content, input.answers);
  const problems = completenessProblems(benchmark.content, answers, {
    isEitWorkToFirstHearing: benchmark.isEit && benchmark.lawType === 'PRIVATE_LAW_WTFH',
  });
  if (problems.length > 0) return { submitted: false, problems };
  return db().$transaction(async (tx) => {
    const row = await markBenchmarkSubmitted(tx, { ...input, answers, now });
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
