import 'server-only';
import { getBenchmarkGrading, type BenchmarkCase } from '@/lib/db/benchmarks';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';

export type { BenchmarkCase };

/**
 * What the benchmarker sees while grading: the case and their own answers.
 * Never the original grades; only the benchmarker may open it.
 */
export async function getBenchmarkCase(actor: Actor, benchmarkId: string): Promise<BenchmarkCase> {
  const target = await getBenchmarkGrading(benchmarkId);
  if (
    !target ||
    !can(actor, 'benchmark.grade', inArea(target.serviceAreaId)) ||
    target.benchmarkerId !== actor.userId
  )
    throw new NotFoundOrForbiddenError('benchmark.grade');
  return target.view;
}
