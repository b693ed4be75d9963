import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import { db } from './client';

import { type AuditKind, type AuditStatus, type LawType } from '@/lib/domain/audits';

export type AuditSummary = {
  id: string;
  name: string;
  kind: AuditKind;
  status: AuditStatus;
  windowFrom: string;
  windowTo: string;
  thresholdName: string;
};

export type AuditDetail = AuditSummary & {
  purpose: string;
  version: number;
  thresholdVersionId: string;
  lawTypes: LawType[];
  serviceAreas: { id: string; code: string }[];
  goodOrAboveTarget: number | null;
  lowestTarget: number | null;
  targetDate: string | null;
  comparedWith: { id: string; name: string } | null;
  commissionedBy: { id: string; name: string } | null;
  lead: { id: string; name: string } | null;
  challengeWindowDays: number;
  /** Grading starts only on a locked sample. */
  sampleLocked: boolean;
};

export type AuditFields = {
  name: string;
  kind: AuditKind;
  purpose: string;
  windowFrom: string;
  windowTo: string;
  thresholdVersionId: string;
  lawTypes: LawType[];
  serviceAreaIds: string[];
  goodOrAboveTarget: number | null;
  lowestTarget: number | null;
  targetDate: string | null;
  comparedWithId: string | null;
  commissionedById: string | null;
  leadId: string | null;
  challengeWindowDays: number;
};

const toDate = (value: string) => new Date(`${value}T00:00:00.000Z`);

export async function findAudits(): Promise<AuditSummary[]> {
  const rows = await db().audit.findMany({
    select: {
      id: true,
      name: true,
      kind: true,
      status: true,
      windowFrom: true,
      windowTo: true,
      thresholdVersion: { select: { label: true, document: { select: { name: true } } } },
    },
    orderBy: [{ windowFrom: 'desc' }, { name: 'asc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    windowFrom: isoDay(row.windowFrom),
    windowTo: isoDay(row.windowTo),
    thresholdName: `${row.thresholdVersion.document.name} (${row.thresholdVersion.label})`,
  }));
}

export async function findAuditOptions(excludeId?: string): Promise<{ id: string; name: string }[]> {
  return db().audit.findMany({
    where: excludeId ? { id: { not: excludeId } } : {},
    select: { id: true, name: true },
    orderBy: { windowFrom: 'desc' },
  });
}

export async function findPeopleByRole(
  role: 'NATIONAL_SERVICE_DIRECTOR' | 'SENIOR_SERVICE_MANAGER',
): Promise<{ id: string; name: string }[]> {
  return db().user.findMany({
    where: { role, isActive: true },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}

export async function getAudit(auditId: string): Promise<AuditDetail | null> {
  const row = await db().audit.findUnique({
    where: { id: auditId },
    select: {
      id: true,
      name: true,
      kind: true,
      status: true,
      purpose: true,
      version: true,
      windowFrom: true,
      windowTo: true,
      thresholdVersionId: true,
      lawTypes: true,
      goodOrAboveTarget: true,
      lowestTarget: true,
      targetDate: true,
      challengeWindowDays: true,
      thresholdVersion: { select: { label: true, document: { select: { name: true } } } },
      serviceAreas: { select: { serviceArea: { select: { id: true, code: true, sortOrder: true } } } },
      comparedWith: { select: { id: true, name: true } },
      commissionedBy: { select: { id: true, name: true } },
      lead: { select: { id: true, name: true } },
      sample: { select: { lockedAt: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    purpose: row.purpose,
    version: row.version,
    windowFrom: isoDay(row.windowFrom),
    windowTo: isoDay(row.windowTo),
    thresholdVersionId: row.thresholdVersionId,
    thresholdName: `${row.thresholdVersion.document.name} (${row.thresholdVersion.label})`,
    lawTypes: row.lawTypes,
    serviceAreas: row.serviceAreas
      .map(({ serviceArea }) => serviceArea)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map(({ id, code }) => ({ id, code })),
    goodOrAboveTarget: row.goodOrAboveTarget,
    lowestTarget: row.lowestTarget,
    targetDate: row.targetDate ? isoDay(row.targetDate) : null,
    comparedWith: row.comparedWith,
    commissionedBy: row.commissionedBy,
    lead: row.lead,
    challengeWindowDays: row.challengeWindowDays,
    sampleLocked: Boolean(row.sample?.lockedAt),
  };
}

export function auditColumns(fields: AuditFields) {
  return {
    name: fields.name,
    kind: fields.kind,
    purpose: fields.purpose,
    windowFrom: toDate(fields.windowFrom),
    windowTo: toDate(fields.windowTo),
    thresholdVersionId: fields.thresholdVersionId,
    lawTypes: fields.lawTypes,
    goodOrAboveTarget: fields.goodOrAboveTarget,
    lowestTarget: fields.lowestTarget,
    targetDate: fields.targetDate ? toDate(fields.targetDate) : null,
    comparedWithId: fields.comparedWithId,
    commissionedById: fields.commissionedById,
    leadId: fields.leadId,
    challengeWindowDays: fields.challengeWindowDays,
  };
}
