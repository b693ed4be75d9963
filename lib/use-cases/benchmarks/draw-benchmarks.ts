import 'server-only';
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { insertBenchmarks } from '@/lib/db/benchmark-writes';
import {
  findBenchmarkedCaseIds,
  findBenchmarkers,
  findCaseReferences,
  findGradedCases,
  getBenchmarkingAudit,
} from '@/lib/db/benchmark-sample';
import { db } from '@/lib/db/client';
import { notify } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import {
  assertOpenForBenchmarking,
  assignBenchmarkers,
  benchmarksAssignedMessage,
  drawBenchmarkSample,
} from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';
import type { Email } from '@/lib/notify/email';

export type DrawOutcome = {
  chosen: number;
  target: number;
  extraForCoverage: number;
  unassigned: { caseReference: string; reason: string }[];
};

/**
 * The audit lead draws the benchmark sample (a share of the graded cases not
 * yet chosen, every auditor and area covered) and each case goes to an
 * eligible benchmarker, who is told. An audit programme is national: so is
 * the permission.
 */
export async function drawBenchmarks(
  actor: Actor,
  input: { auditId: string; sharePercent: number },
): Promise<{ outcome: DrawOutcome; emails: Email[] }> {
  const audit = await getBenchmarkingAudit(input.auditId);
  if (!audit || !can(actor, 'benchmark.manage', NATIONAL))
    throw new NotFoundOrForbiddenError('benchmark.manage');
  assertOpenForBenchmarking(audit.status);
  const [cases, alreadyChosen, people] = await Promise.all([
    findGradedCases(audit.id),
    findBenchmarkedCaseIds(audit.id),
    findBenchmarkers(audit.id),
  ]);
  if (cases.length === 0) throw new RuleError('No case of this audit has been graded yet.', 'sharePercent');
  const seed = randomUUID();
  const sample = drawBenchmarkSample(cases, { sharePercent: input.sharePercent, seed, alreadyChosen });
  const { assignments, unassigned } = assignBenchmarkers(sample.chosen, people);
  const byId = new Map(cases.map((candidate) => [candidate.caseAuditId, candidate]));
  const references = await findCaseReferences(unassigned.map((row) => row.caseAuditId));
  const emails = await db().$transaction(async (tx) => {
    await insertBenchmarks(
      tx,
      audit.id,
      'RANDOM',
      assignments.map((row) => ({ candidate: byId.get(row.caseAuditId)!, benchmarkerId: row.benchmarkerId })),
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'benchmark.sample-drawn',
      entityType: 'audit',
      entityId: audit.id,
      detail: {
        seed,
        sharePercent: input.sharePercent,
        chosen: assignments.length,
        unassigned: unassigned.length,
      },
    });
    const perBenchmarker = new Map<string, number>();
    for (const row of assignments)
      perBenchmarker.set(row.benchmarkerId, (perBenchmarker.get(row.benchmarkerId) ?? 0) + 1);
    const sent: Email[] = [];
    for (const [userId, count] of perBenchmarker)
      sent.push(...(await notify(tx, [userId], benchmarksAssignedMessage(count))));
    return sent;
  });
  return {
    outcome: {
      chosen: assignments.length,
      target: sample.target,
      extraForCoverage: sample.extraForCoverage,
      unassigned: unassigned.map((row) => ({
        caseReference: references.get(row.caseAuditId) ?? row.caseAuditId,
        reason: row.reason,
      })),
    },
    emails,
  };
}
