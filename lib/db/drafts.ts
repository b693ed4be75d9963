import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import type { AuditKind, AuditStatus } from '@/lib/domain/audits';
import type { GradingAnswers } from '@/lib/domain/grading';

// An auditor's working answers, saved every few seconds by the grading form
// (lib/use-cases/case-audits/save-draft.ts decides who may save and when).

const asJson = (answers: GradingAnswers) => answers as unknown as Prisma.InputJsonValue;

export type DraftTarget = {
  status: 'SELECTED' | 'RESERVE' | 'REPLACED';
  assignedToId: string | null;
  serviceAreaId: string;
  audit: { id: string; status: AuditStatus; kind: AuditKind; thresholdVersionId: string };
  /** The Service Manager of the case's team: a local audit's case is theirs to grade. */
  teamServiceManagerId: string | null;
  caseAudit: { id: string; status: 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' } | null;
};

/** The lightest read that proves the case is this auditor's and open. */
export async function loadDraftTarget(sampledCaseId: string): Promise<DraftTarget | null> {
  const row = await db().sampledCase.findUnique({
    where: { id: sampledCaseId },
    select: {
      status: true,
      assignedToId: true,
      serviceAreaId: true,
      audit: { select: { id: true, status: true, kind: true, thresholdVersionId: true } },
      caseAudit: { select: { id: true, status: true } },
      caseFile: {
        select: {
          team: { select: { serviceManagerId: true } },
          practitioner: { select: { team: { select: { serviceManagerId: true } } } },
        },
      },
    },
  });
  if (!row) return null;
  const { caseFile, ...target } = row;
  return {
    ...target,
    teamServiceManagerId:
      (caseFile.team ? caseFile.team.serviceManagerId : caseFile.practitioner.team.serviceManagerId) ?? null,
  };
}

/** The first save of a case's draft, at version 1; false when another tab created it first. */
export async function createDraft(
  sampledCaseId: string,
  target: DraftTarget,
  auditorId: string,
  answers: GradingAnswers,
  now: Date,
): Promise<boolean> {
  const created = await db().$executeRaw`
    INSERT INTO case_audit (id, sampled_case_id, audit_id, service_area_id, auditor_id, threshold_version_id, answers, version, updated_at)
    VALUES (gen_random_uuid()::text, ${sampledCaseId}, ${target.audit.id}, ${target.serviceAreaId}, ${auditorId}, ${target.audit.thresholdVersionId}, ${JSON.stringify(answers)}::jsonb, 1, ${now})
    ON CONFLICT (sampled_case_id) DO NOTHING`;
  return created === 1;
}

/** Saves over `baseVersion` while the draft is open; false when someone saved since, or it was submitted. */
export async function updateDraft(
  caseAuditId: string,
  baseVersion: number,
  answers: GradingAnswers,
  now: Date,
): Promise<boolean> {
  const { count } = await db().caseAudit.updateMany({
    where: { id: caseAuditId, version: baseVersion, status: { in: ['IN_PROGRESS', 'RETURNED'] } },
    data: { answers: asJson(answers), version: { increment: 1 }, updatedAt: now },
  });
  return count === 1;
}

/** The draft as it now stands, to answer a refused save with. */
export async function getCurrentDraft(sampledCaseId: string) {
  return db().caseAudit.findUnique({
    where: { sampledCaseId },
    select: { version: true, answers: true, updatedAt: true, status: true },
  });
}
