import 'server-only';
import type { Prisma } from '@/generated/prisma/client';

/**
 * Blind second grading: a benchmarker must not see a case's grades until they
 * have submitted their own. Every query that returns one case's grades to a
 * person adds this condition.
 */
export function notBlindTo(userId: string): Prisma.CaseAuditWhereInput {
  return {
    NOT: { benchmark: { is: { benchmarkerId: userId, status: { in: ['ASSIGNED', 'IN_PROGRESS'] } } } },
  };
}
