import 'server-only';
import { getBenchmarkComparison } from '@/lib/db/benchmarks';
import type { Actor } from '@/lib/domain/actor';
import type { AuditStatus } from '@/lib/domain/audits';
import {
  compareGradings,
  hasBothGradings,
  moderatorProblem,
  type Difference,
  type Grades,
} from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';
import type { RubricContent } from '@/lib/domain/rubric';

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
 * Both gradings side by side, for the moderators, the audit lead and the
 * benchmarker. Refused until the benchmarker has submitted: before that, the
 * original grades must not reach anyone through here.
 */
export async function getComparison(actor: Actor, benchmarkId: string): Promise<Comparison> {
  const target = await getBenchmarkComparison(benchmarkId);
  if (!target || !target.stored || !hasBothGradings(target.status)) throw new NotFoundOrForbiddenError();
  const area = inArea(target.serviceAreaId);
  const mayModerate = can(actor, 'benchmark.moderate', area);
  const isBenchmarker = target.benchmarkerId === actor.userId;
  if (!mayModerate && !isBenchmarker && !can(actor, 'benchmark.manage', area))
    throw new NotFoundOrForbiddenError();
  const { first, second, differences } = compareGradings(target.content, target.stored);
  const awaitsModeration = mayModerate && target.status === 'SUBMITTED' && differences.length > 0;
  // The benchmark's auditor is whose grades were compared; the case's is its auditor of record now.
  const moderationRefusal = awaitsModeration
    ? moderatorProblem(actor.userId, {
        benchmarkerId: target.benchmarkerId,
        auditorIds: [target.auditorId, target.caseAuditorId],
      })
    : null;
  return {
    benchmarkId: target.benchmarkId,
    auditId: target.auditId,
    version: target.version,
    auditName: target.auditName,
    auditStatus: target.auditStatus,
    caseReference: target.caseReference,
    areaCode: target.areaCode,
    auditorName: target.auditorName,
    benchmarkerName: target.benchmarkerName,
    status: target.status,
    content: target.content,
    first,
    second,
    differences,
    agreed: target.agreed,
    canModerate: awaitsModeration && moderationRefusal === null,
    moderationRefusal,
  };
}
