import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { notBlindTo } from './blind';
import { db } from './client';
import type { ChallengeListScope, ChallengeView } from '@/lib/domain/challenges';
import { parseRubricContent } from '@/lib/schemas/rubric';

/** A challenge as listed, with the dates its next step is reckoned from. */
export type ChallengeRecord = Omit<ChallengeView, 'nextStep' | 'overdue'> & {
  repliedAt: Date | null;
  referredAt: Date | null;
};

/**
 * The challenges within `scope` (challengeListScope), newest first, leaving out
 * the cases `blindUserId` benchmarks blind; `only` narrows to one.
 */
export async function findChallengeRecords(
  scope: ChallengeListScope,
  blindUserId: string,
  only?: string,
): Promise<ChallengeRecord[]> {
  // Scope in the query: own area for area roles, own graded cases for auditors.
  const where: Prisma.ChallengeWhereInput =
    'serviceAreaId' in scope
      ? { serviceAreaId: scope.serviceAreaId }
      : 'auditorId' in scope
        ? { caseAudit: { auditorId: scope.auditorId } }
        : {};
  const rows = await db().challenge.findMany({
    where: { AND: [where, { caseAudit: notBlindTo(blindUserId) }, ...(only ? [{ id: only }] : [])] },
    select: {
      id: true,
      version: true,
      status: true,
      raisedById: true,
      raisedAt: true,
      disputedSections: true,
      proposedGrade: true,
      originalGrade: true,
      reasons: true,
      reply: true,
      repliedAt: true,
      decision: true,
      decisionReasons: true,
      referredAt: true,
      adjudication: true,
      adjudicationReasons: true,
      caseAudit: {
        select: {
          auditorId: true,
          overallGrade: true,
          sampledCaseId: true,
          sampledCase: {
            select: {
              caseFile: { select: { reference: true, serviceArea: { select: { code: true } } } },
              audit: { select: { name: true, thresholdVersion: { select: { content: true } } } },
            },
          },
        },
      },
    },
    orderBy: { raisedAt: 'desc' },
  });
  const people = new Map(
    (
      await db().user.findMany({
        where: { id: { in: rows.map((row) => row.raisedById) } },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    caseReference: row.caseAudit.sampledCase.caseFile.reference,
    sampledCaseId: row.caseAudit.sampledCaseId,
    auditName: row.caseAudit.sampledCase.audit.name,
    areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
    status: row.status,
    raisedBy: people.get(row.raisedById) ?? 'Unknown',
    raisedById: row.raisedById,
    auditorId: row.caseAudit.auditorId,
    raisedAt: row.raisedAt,
    repliedAt: row.repliedAt,
    referredAt: row.referredAt,
    disputedSections: row.disputedSections,
    proposedGrade: row.proposedGrade,
    originalGrade: row.originalGrade,
    currentGrade: row.caseAudit.overallGrade ?? '',
    reasons: row.reasons,
    reply: row.reply,
    decision: row.decision,
    decisionReasons: row.decisionReasons,
    adjudication: row.adjudication,
    adjudicationReasons: row.adjudicationReasons,
    referred: row.referredAt !== null,
    content: parseRubricContent(row.caseAudit.sampledCase.audit.thresholdVersion.content),
  }));
}
