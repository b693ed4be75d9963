import 'server-only';
import { saveBenchmarkAnswers } from '@/lib/db/benchmark-writes';
import { getBenchmarkGrading } from '@/lib/db/benchmarks';
import type { Actor } from '@/lib/domain/actor';
import { assertOpenForBenchmarking } from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { normaliseAnswers, type GradingAnswers } from '@/lib/domain/grading';
import { can, inArea } from '@/lib/domain/permissions';

/**
 * Autosave of the benchmarker's blind grading. A save over someone else's
 * (another tab, another device) is refused and answered with what they saved.
 */
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
  const target = await getBenchmarkGrading(benchmarkId);
  if (
    !target ||
    !can(actor, 'benchmark.grade', inArea(target.serviceAreaId)) ||
    target.benchmarkerId !== actor.userId
  )
    throw new NotFoundOrForbiddenError('benchmark.grade');
  const benchmark = target.view;
  if (benchmark.status !== 'ASSIGNED' && benchmark.status !== 'IN_PROGRESS')
    throw new RuleError('This benchmark has been submitted.');
  assertOpenForBenchmarking(benchmark.auditStatus);
  if (await saveBenchmarkAnswers(benchmarkId, baseVersion, normaliseAnswers(benchmark.content, answers)))
    return { saved: true, version: baseVersion + 1, savedAt: now };
  const current = await getBenchmarkGrading(benchmarkId);
  if (!current) throw new NotFoundOrForbiddenError('benchmark.grade');
  return { saved: false, currentVersion: current.view.version, answers: current.view.answers, savedAt: now };
}
