import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import { db } from './client';
import { GRADED } from './report-counts';
import type { AuditKind, AuditStatus } from '@/lib/domain/audits';

// The audits a report is about. The report's figures are counted in
// report-counts.ts (live) and report-summary-counts.ts (published audits),
// gathered by report-loader.ts; who may read which report is decided in
// lib/use-cases/reports.

/** yyyy-mm-dd: how the report prints a date. */

export type ReportAudit = {
  id: string;
  name: string;
  kind: AuditKind;
  status: AuditStatus;
  windowFrom: Date;
  windowTo: Date;
  goodOrAboveTarget: number | null;
  lowestTarget: number | null;
  targetDate: Date | null;
  comparedWithId: string | null;
  thresholdVersionId: string;
  thresholdVersion: { label: string; document: { name: string } };
};

export async function loadReportAudit(auditId: string): Promise<ReportAudit | null> {
  return db().audit.findUnique({
    where: { id: auditId },
    select: {
      id: true,
      name: true,
      kind: true,
      status: true,
      windowFrom: true,
      windowTo: true,
      goodOrAboveTarget: true,
      lowestTarget: true,
      targetDate: true,
      comparedWithId: true,
      thresholdVersionId: true,
      thresholdVersion: { select: { label: true, document: { select: { name: true } } } },
    },
  });
}

export async function findReportAuditIdByName(name: string): Promise<string | null> {
  const found = await db().audit.findUnique({ where: { name }, select: { id: true } });
  return found?.id ?? null;
}

/** The audit this one is compared with: the one named on it, else the latest earlier published one of its kind. */
export async function earlierAuditId(audit: ReportAudit): Promise<string | null> {
  if (audit.comparedWithId) return audit.comparedWithId;
  const earlier = await db().audit.findFirst({
    where: {
      kind: audit.kind,
      status: 'PUBLISHED',
      windowTo: { lt: audit.windowFrom },
      id: { not: audit.id },
    },
    orderBy: { windowTo: 'desc' },
    select: { id: true },
  });
  return earlier?.id ?? null;
}

export async function getAuditForReport(auditId: string): Promise<{ id: string; name: string } | null> {
  return db().audit.findUnique({ where: { id: auditId }, select: { id: true, name: true } });
}

export async function findReportableAudits(): Promise<
  { id: string; name: string; status: AuditStatus; windowTo: string; graded: number }[]
> {
  const rows = await db().$queryRaw<
    { id: string; name: string; status: AuditStatus; window_to: Date; graded: bigint }[]
  >`
    SELECT a.id, a.name, a.status::text AS status, a.window_to,
           (SELECT count(*) FROM case_audit ca WHERE ca.audit_id = a.id AND ${GRADED}) AS graded
    FROM audit a
    ORDER BY a.window_to DESC, a.name`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    windowTo: isoDay(row.window_to),
    graded: Number(row.graded),
  }));
}
