import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import type { Actor } from '@/lib/domain/actor';
import { isWithheldWhileBenchmarking, UNSUBMITTED_BENCHMARK_STATUSES } from '@/lib/domain/benchmarking';
import { WithheldWhileBenchmarkingError } from '@/lib/domain/errors';
import { UNSUBMITTED_MODERATION_STATUSES } from '@/lib/domain/local-moderation';

/**
 * Blind second grading: a benchmarker, or a Head of Practice moderating a
 * local audit, must not see a case's grades until they have submitted their
 * own. Every query that returns one case's grades to a person adds this condition.
 */
export function notBlindTo(userId: string): Prisma.CaseAuditWhereInput {
  return {
    AND: [
      {
        NOT: {
          benchmark: { is: { benchmarkerId: userId, status: { in: [...UNSUBMITTED_BENCHMARK_STATUSES] } } },
        },
      },
      {
        NOT: {
          localModeration: {
            is: { moderatorId: userId, status: { in: [...UNSUBMITTED_MODERATION_STATUSES] } },
          },
        },
      },
    ],
  };
}

/**
 * Whether the actor may not see the audit's figures yet: they hold a benchmark
 * in it that they have not submitted (the rule is isWithheldWhileBenchmarking).
 * The report, its every export, the calibration report and the audit page's
 * challenge figures all ask this one question.
 */
export async function holdsUnsubmittedBenchmark(
  actor: Pick<Actor, 'userId'>,
  auditId: string,
): Promise<boolean> {
  const [audit, unsubmitted] = await Promise.all([
    db().audit.findUnique({ where: { id: auditId }, select: { status: true } }),
    db().benchmark.count({
      where: { auditId, benchmarkerId: actor.userId, status: { in: [...UNSUBMITTED_BENCHMARK_STATUSES] } },
    }),
  ]);
  return audit !== null && isWithheldWhileBenchmarking(audit.status, unsubmitted);
}

/** Throws WithheldWhileBenchmarkingError where holdsUnsubmittedBenchmark says so. */
export async function assertNotBenchmarkingBlind(
  actor: Pick<Actor, 'userId'>,
  auditId: string,
): Promise<void> {
  if (await holdsUnsubmittedBenchmark(actor, auditId)) throw new WithheldWhileBenchmarkingError();
}

/** Every audit whose figures the actor may not see yet (holdsUnsubmittedBenchmark for each). */
export async function auditsWithheldWhileBenchmarking(actor: Pick<Actor, 'userId'>): Promise<string[]> {
  const held = await db().benchmark.groupBy({
    by: ['auditId'],
    where: { benchmarkerId: actor.userId, status: { in: [...UNSUBMITTED_BENCHMARK_STATUSES] } },
    _count: { _all: true },
  });
  if (held.length === 0) return [];
  const audits = await db().audit.findMany({
    where: { id: { in: held.map((row) => row.auditId) } },
    select: { id: true, status: true },
  });
  const status = new Map(audits.map((audit) => [audit.id, audit.status]));
  return held
    .filter((row) => {
      const auditStatus = status.get(row.auditId);
      return auditStatus !== undefined && isWithheldWhileBenchmarking(auditStatus, row._count._all);
    })
    .map((row) => row.auditId);
}
