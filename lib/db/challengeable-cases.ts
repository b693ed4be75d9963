import 'server-only';
import { db, type Tx } from './client';
import type { RubricContent } from '@/lib/domain/rubric';
import { parseRubricContent } from '@/lib/schemas/rubric';

// The case a challenge is raised against: read, then held while the challenge is
// raised, and the open challenge it may already have.

/** A case as raising a challenge against it (or the page to raise one) needs it. */
export type CaseToChallenge = {
  caseAuditId: string;
  sampledCaseId: string;
  status: string;
  serviceAreaId: string;
  auditorId: string;
  overallGrade: string | null;
  submittedAt: Date | null;
  caseReference: string;
  auditId: string;
  auditStatus: 'DRAFT' | 'SAMPLING' | 'GRADING' | 'REVIEW' | 'PUBLISHED';
  challengeWindowDays: number;
  content: RubricContent;
};

export async function getCaseToChallenge(
  sampledCaseId: string,
  client: Tx = db(),
): Promise<CaseToChallenge | null> {
  const row = await client.caseAudit.findUnique({
    where: { sampledCaseId },
    select: {
      id: true,
      status: true,
      serviceAreaId: true,
      auditorId: true,
      overallGrade: true,
      submittedAt: true,
      sampledCase: {
        select: {
          caseFile: { select: { reference: true } },
          audit: {
            select: {
              id: true,
              status: true,
              challengeWindowDays: true,
              thresholdVersion: { select: { content: true } },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const audit = row.sampledCase.audit;
  return {
    caseAuditId: row.id,
    sampledCaseId,
    status: row.status,
    serviceAreaId: row.serviceAreaId,
    auditorId: row.auditorId,
    overallGrade: row.overallGrade,
    submittedAt: row.submittedAt,
    caseReference: row.sampledCase.caseFile.reference,
    auditId: audit.id,
    auditStatus: audit.status,
    challengeWindowDays: audit.challengeWindowDays,
    content: parseRubricContent(audit.thresholdVersion.content),
  };
}

/** Holds the case until the transaction ends, as grading, moderation and every challenge step do. */
export async function lockCaseAudit(tx: Tx, caseAuditId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM case_audit WHERE id = ${caseAuditId} FOR UPDATE`;
}

/** The case's challenge still in progress, as far as telling a resent one from a new one needs. */
export type OpenChallenge = {
  id: string;
  raisedById: string;
  proposedGrade: string;
  reasons: string;
  disputedSections: string[];
};

export async function findOpenChallenge(tx: Tx, caseAuditId: string): Promise<OpenChallenge | null> {
  return tx.challenge.findFirst({
    where: { caseAuditId, status: { in: ['AWAITING_REPLY', 'AWAITING_DECISION', 'REFERRED'] } },
    select: { id: true, raisedById: true, proposedGrade: true, reasons: true, disputedSections: true },
  });
}
