import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import { db } from './client';
import { notBlindTo } from './blind';
import type { AuditStatus } from '@/lib/domain/audits';
import type { LedAuditProgress } from '@/lib/domain/home';

// Read models for the role homes: each lists what waits for one person, counted in the database.
// Who sees which list is decided in lib/use-cases/home.

export type LedAudit = { id: string; name: string; progress: LedAuditProgress };

/** The audits an audit lead runs (newest first), with what the next step depends on. */
export async function findAuditsLedBy(leadId: string): Promise<LedAudit[]> {
  const rows = await db().$queryRaw<
    {
      id: string;
      name: string;
      status: AuditStatus;
      drawn: boolean;
      locked: boolean;
      selected: bigint;
      unassigned: bigint;
      graded: bigint;
      benchmarks: bigint;
      to_moderate: bigint;
      to_decide: bigint;
    }[]
  >`
    SELECT a.id, a.name, a.status::text AS status,
           s.audit_id IS NOT NULL AS drawn,
           s.locked_at IS NOT NULL AS locked,
           (SELECT count(*) FROM sampled_case sc WHERE sc.audit_id = a.id AND sc.status = 'SELECTED') AS selected,
           -- A case graded already (an imported result) needs no auditor: it is not waiting to be assigned.
           (SELECT count(*) FROM sampled_case sc
             WHERE sc.audit_id = a.id AND sc.status = 'SELECTED' AND sc.assigned_to_id IS NULL
               AND NOT EXISTS (SELECT 1 FROM case_audit ca
                               WHERE ca.sampled_case_id = sc.id AND ca.status = 'SUBMITTED')) AS unassigned,
           (SELECT count(*) FROM case_audit ca WHERE ca.audit_id = a.id AND ca.status = 'SUBMITTED') AS graded,
           (SELECT count(*) FROM benchmark b WHERE b.audit_id = a.id) AS benchmarks,
           (SELECT count(*) FROM benchmark b WHERE b.audit_id = a.id AND b.status = 'SUBMITTED') AS to_moderate,
           (SELECT count(*) FROM challenge c WHERE c.audit_id = a.id AND c.status = 'AWAITING_DECISION') AS to_decide
    FROM audit a LEFT JOIN audit_sample s ON s.audit_id = a.id
    WHERE a.lead_id = ${leadId}
    ORDER BY (a.status = 'PUBLISHED'), a.window_to DESC, a.name`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    progress: {
      status: row.status,
      sampleDrawn: row.drawn,
      sampleLocked: row.locked,
      selected: Number(row.selected),
      unassigned: Number(row.unassigned),
      graded: Number(row.graded),
      benchmarks: Number(row.benchmarks),
      benchmarksToModerate: Number(row.to_moderate),
      challengesToDecide: Number(row.to_decide),
    },
  }));
}

export type WaitingChallenge = {
  id: string;
  reference: string;
  auditName: string;
  areaCode: string;
  waitingSince: string;
};

/** Whose challenges: those referred to the National Service Director, or those awaiting one audit lead's decision. */
export type ChallengesAwaiting = { adjudication: true } | { adjudication: false; leadId: string };

/**
 * Challenges waiting for a decision or an adjudication, oldest first. A case
 * under blind benchmarking by the reader is left out: a challenge names a
 * lowest grade.
 */
export async function findChallengesAwaiting(
  waiting: ChallengesAwaiting,
  readerId: string,
): Promise<WaitingChallenge[]> {
  const rows = await db().challenge.findMany({
    where: {
      AND: [
        waiting.adjudication
          ? { status: 'REFERRED' }
          : {
              status: 'AWAITING_DECISION',
              caseAudit: { sampledCase: { audit: { leadId: waiting.leadId } } },
            },
        { caseAudit: notBlindTo(readerId) },
      ],
    },
    orderBy: { raisedAt: 'asc' },
    take: 50,
    select: {
      id: true,
      raisedAt: true,
      referredAt: true,
      repliedAt: true,
      caseAudit: {
        select: {
          sampledCase: {
            select: {
              caseFile: { select: { reference: true, serviceArea: { select: { code: true } } } },
              audit: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    reference: row.caseAudit.sampledCase.caseFile.reference,
    auditName: row.caseAudit.sampledCase.audit.name,
    areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
    waitingSince:
      (waiting.adjudication ? row.referredAt : (row.repliedAt ?? row.raisedAt))?.toISOString() ?? '',
  }));
}

export type CommissionedAudit = { id: string; name: string; status: AuditStatus; leadName: string | null };

/** Audits someone (the National Service Director) commissioned, still running first. */
export async function findAuditsCommissionedBy(userId: string): Promise<CommissionedAudit[]> {
  const rows = await db().audit.findMany({
    where: { commissionedById: userId },
    orderBy: [{ windowTo: 'desc' }, { name: 'asc' }],
    select: { id: true, name: true, status: true, lead: { select: { name: true } } },
  });
  const running = (status: AuditStatus) => (status === 'PUBLISHED' ? 1 : 0);
  return rows
    .map((row) => ({ id: row.id, name: row.name, status: row.status, leadName: row.lead?.name ?? null }))
    .sort((a, b) => running(a.status) - running(b.status));
}

export type AuditAwaitingIndex = {
  id: string;
  name: string;
  status: AuditStatus;
  windowFrom: string;
  windowTo: string;
  areasInScope: number;
  areasWithCases: number;
  caseFiles: number;
};

/**
 * Audits not yet sampled, with how much of their window and scope the
 * case-file index covers: an area with no case files in the window is a gap
 * the Improvement Assistant must chase before the lead can draw a sample.
 */
export async function findAuditsAwaitingIndex(): Promise<AuditAwaitingIndex[]> {
  const rows = await db().$queryRaw<
    {
      id: string;
      name: string;
      status: AuditStatus;
      window_from: Date;
      window_to: Date;
      areas_in_scope: bigint;
      areas_with_cases: bigint;
      case_files: bigint;
    }[]
  >`
    SELECT a.id, a.name, a.status::text AS status, a.window_from, a.window_to,
           (SELECT count(*) FROM audit_service_area asa WHERE asa.audit_id = a.id) AS areas_in_scope,
           coalesce(covered.areas, 0) AS areas_with_cases,
           coalesce(covered.case_files, 0) AS case_files
    FROM audit a
    LEFT JOIN LATERAL (
      SELECT count(DISTINCT c.service_area_id) AS areas, count(DISTINCT c.id) AS case_files
      FROM case_file c
      JOIN audit_service_area asa ON asa.audit_id = a.id AND asa.service_area_id = c.service_area_id
      WHERE c.law_type = ANY(a.law_types)
        AND EXISTS (SELECT 1 FROM filed_document d
                    WHERE d.case_file_id = c.id AND d.filed_on BETWEEN a.window_from AND a.window_to)
    ) covered ON true
    WHERE a.status IN ('DRAFT', 'SAMPLING')
      AND NOT EXISTS (SELECT 1 FROM audit_sample s WHERE s.audit_id = a.id)
    ORDER BY a.window_to DESC, a.name`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    windowFrom: isoDay(row.window_from),
    windowTo: isoDay(row.window_to),
    areasInScope: Number(row.areas_in_scope),
    areasWithCases: Number(row.areas_with_cases),
    caseFiles: Number(row.case_files),
  }));
}
