import 'server-only';
import { findBenchmarksOf, type MyBenchmark } from '@/lib/db/benchmarks';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';

export type { MyBenchmark };

/** The benchmarks given to the person asking, open ones first. */
export async function findMyBenchmarks(actor: Actor): Promise<MyBenchmark[]> {
  if (!can(actor, 'benchmark.grade', NATIONAL)) throw new NotFoundOrForbiddenError('benchmark.grade');
  return findBenchmarksOf(actor.userId);
}
