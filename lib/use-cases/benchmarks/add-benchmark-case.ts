import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { insertBenchmarks } from '@/lib/db/benchmark-writes';
import { findBenchmarkers, findCaseByReference, getBenchmarkingAudit } from '@/lib/db/benchmark-sample';
import { db } from '@/lib/db/client';
import { notify } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import {
  assertOpenForBenchmarking,
  benchmarkerProblem,
  benchmarksAssignedMessage,
} from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import type { Email } from '@/lib/notify/email';

/**
 * The audit lead adds one graded case to the benchmark sample by hand and
 * chooses its benchmarker: never the case's auditor nor someone from its area
 * (benchmarkerProblem).
 */
export async function addBenchmarkCase(
  actor: Actor,
  input: { auditId: string; caseReference: string; benchmarkerId: string },
): Promise<{ emails: Email[] }> {
  const audit = await getBenchmarkingAudit(input.auditId);
  if (!audit || !can(actor, 'benchmark.manage', NATIONAL))
    throw new NotFoundOrForbiddenError('benchmark.manage');
  assertOpenForBenchmarking(audit.status);
  const found = await findCaseByReference(audit.id, input.caseReference);
  if (!found || found.status !== 'SUBMITTED' || !found.overallGrade)
    throw new RuleError('No graded case of this audit has that reference.', 'caseReference');
  if (!can(actor, 'benchmark.manage', inArea(found.serviceAreaId)))
    throw new NotFoundOrForbiddenError('benchmark.manage');
  if (found.isBenchmarked) throw new RuleError('That case is already being benchmarked.', 'caseReference');
  const person = (await findBenchmarkers(audit.id)).find(
    (candidate) => candidate.userId === input.benchmarkerId,
  );
  if (!person) throw new RuleError('Choose a Senior Service Manager or a Head of Service.', 'benchmarkerId');
  const problem = benchmarkerProblem(person, found);
  if (problem) throw new RuleError(problem, 'benchmarkerId');
  const candidate = {
    caseAuditId: found.id,
    auditorId: found.auditorId,
    serviceAreaId: found.serviceAreaId,
    overallGrade: found.overallGrade,
    answers: found.answers,
  };
  const emails = await db().$transaction(async (tx) => {
    await insertBenchmarks(tx, audit.id, 'BY_HAND', [{ candidate, benchmarkerId: person.userId }]);
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'benchmark.case-added',
      entityType: 'audit',
      entityId: audit.id,
      detail: { caseAuditId: found.id, benchmarkerId: person.userId },
    });
    return notify(tx, [person.userId], benchmarksAssignedMessage(1));
  });
  return { emails };
}
