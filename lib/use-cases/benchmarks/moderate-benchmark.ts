import 'server-only';
import { lockCaseGrades, markBenchmarkModerated } from '@/lib/db/benchmark-writes';
import { getBenchmarkComparison } from '@/lib/db/benchmarks';
import { db } from '@/lib/db/client';
import { applyGrades } from '@/lib/db/grade-writer';
import type { Actor } from '@/lib/domain/actor';
import {
  agreedGrades,
  compareGradings,
  hasBothGradings,
  moderationProblems,
  reasonNotToModerate,
  withAgreedGrades,
} from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';

/**
 * Who may moderate: a holder of `benchmark.moderate` (the policy gives it to
 * Senior Service Managers) over the case's area, on a benchmark its
 * benchmarker has submitted, in an audit not yet published, where the two
 * gradings differ, and who is neither the benchmarker nor the auditor whose
 * grades were compared nor the case's auditor of record (reasonNotToModerate;
 * a trigger refuses the benchmarker and the auditor of record as well).
 *
 * The agreed grades become the case's grades (reports count them), written
 * by applyGrades with the history entry; the benchmark keeps both gradings,
 * the history all three. Nobody is e-mailed.
 */
export async function moderateBenchmark(
  actor: Actor,
  input: { benchmarkId: string; version: number; agreed: Record<string, string>; reason: string },
  now: Date,
): Promise<void> {
  const target = await getBenchmarkComparison(input.benchmarkId);
  if (
    !target ||
    !target.stored ||
    !hasBothGradings(target.status) ||
    !can(actor, 'benchmark.moderate', inArea(target.serviceAreaId))
  )
    throw new NotFoundOrForbiddenError('benchmark.moderate');
  const { first, differences } = compareGradings(target.content, target.stored);
  const refusal = reasonNotToModerate(actor.userId, {
    status: target.status,
    differences: differences.length,
    auditStatus: target.auditStatus,
    benchmarkerId: target.benchmarkerId,
    auditorIds: [target.auditorId, target.caseAuditorId],
  });
  if (refusal) throw new RuleError(refusal);
  const problems = moderationProblems(
    target.content.scale.levels.map((level) => level.key),
    differences,
    input.agreed,
    input.reason,
  );
  if (problems.length > 0) throw new RuleError(problems[0]!.message, problems[0]!.field);
  const agreed = agreedGrades(differences, input.agreed, first.overall);
  const reason = input.reason.trim();
  await db().$transaction(async (tx) => {
    const caseAuditId = await markBenchmarkModerated(tx, {
      benchmarkId: input.benchmarkId,
      version: input.version,
      agreed,
      reason,
      moderatorId: actor.userId,
      now,
    });
    const graded = await lockCaseGrades(tx, caseAuditId);
    const { answers, changes } = withAgreedGrades(graded.answers, graded.overallGrade, agreed);
    await applyGrades(tx, { actorId: actor.userId, now }, [
      {
        kind: 'change',
        caseAuditId,
        expectedVersion: graded.version,
        answers,
        overallGrade: agreed.overall,
        history: { event: 'moderated', reason, changes },
      },
    ]);
  });
}
