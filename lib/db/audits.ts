import 'server-only';
import { db } from './client';
import { recordAuditEvent } from './audit-events';
import { isForeignKeyViolation, isUniqueViolation } from './errors';
import { assertVersionedUpdate } from './versioned';
import {
  assertTransition,
  canChangeThresholdVersion,
  isFrozen,
  type AuditKind,
  type AuditStatus,
  type LawType,
} from '@/lib/domain/audits';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';

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

const day = (value: Date) => value.toISOString().slice(0, 10);
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
    windowFrom: day(row.windowFrom),
    windowTo: day(row.windowTo),
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
    windowFrom: day(row.windowFrom),
    windowTo: day(row.windowTo),
    thresholdVersionId: row.thresholdVersionId,
    thresholdName: `${row.thresholdVersion.document.name} (${row.thresholdVersion.label})`,
    lawTypes: row.lawTypes,
    serviceAreas: row.serviceAreas
      .map(({ serviceArea }) => serviceArea)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map(({ id, code }) => ({ id, code })),
    goodOrAboveTarget: row.goodOrAboveTarget,
    lowestTarget: row.lowestTarget,
    targetDate: row.targetDate ? day(row.targetDate) : null,
    comparedWith: row.comparedWith,
    commissionedBy: row.commissionedBy,
    lead: row.lead,
    challengeWindowDays: row.challengeWindowDays,
    sampleLocked: Boolean(row.sample?.lockedAt),
  };
}

function columns(fields: AuditFields) {
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

function translateWriteError(error: unknown): never {
  if (isUniqueViolation(error)) throw new RuleError('An audit with that name already exists', 'name');
  if (isForeignKeyViolation(error))
    throw new RuleError('Choose the threshold version, areas and people from the lists', 'form');
  throw error;
}

export async function createAudit(actorId: string, fields: AuditFields): Promise<{ id: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const audit = await tx.audit.create({
        data: {
          ...columns(fields),
          serviceAreas: { create: fields.serviceAreaIds.map((serviceAreaId) => ({ serviceAreaId })) },
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId,
        action: 'audit.created',
        entityType: 'audit',
        entityId: audit.id,
        detail: { ...fields },
      });
      return audit;
    });
  } catch (error) {
    translateWriteError(error);
  }
}

export async function updateAudit(
  actorId: string,
  auditId: string,
  version: number,
  fields: AuditFields,
): Promise<void> {
  try {
    await db().$transaction(async (tx) => {
      const current = await tx.audit.findUnique({
        where: { id: auditId },
        select: { status: true, thresholdVersionId: true },
      });
      if (!current) throw new NotFoundOrForbiddenError();
      if (isFrozen(current.status))
        throw new RuleError('This audit is published: nothing about it can change.');
      if (
        fields.thresholdVersionId !== current.thresholdVersionId &&
        !canChangeThresholdVersion(current.status)
      ) {
        throw new RuleError('Sampling has started: the threshold version is locked.', 'thresholdVersionId');
      }
      if (fields.comparedWithId === auditId)
        throw new RuleError('An audit cannot be compared with itself', 'comparedWithId');
      const { count } = await tx.audit.updateMany({
        where: { id: auditId, version },
        data: { ...columns(fields), version: { increment: 1 } },
      });
      await assertVersionedUpdate(
        count,
        () => tx.audit.findUnique({ where: { id: auditId }, select: { id: true } }),
        'audit',
      );
      await tx.auditServiceArea.deleteMany({ where: { auditId } });
      await tx.auditServiceArea.createMany({
        data: fields.serviceAreaIds.map((serviceAreaId) => ({ auditId, serviceAreaId })),
      });
      await recordAuditEvent(tx, {
        actorId,
        action: 'audit.updated',
        entityType: 'audit',
        entityId: auditId,
        detail: { ...fields },
      });
    });
  } catch (error) {
    translateWriteError(error);
  }
}

export async function transitionAudit(
  actorId: string,
  input: { auditId: string; version: number; to: AuditStatus },
): Promise<void> {
  await db().$transaction(async (tx) => {
    const current = await tx.audit.findUnique({
      where: { id: input.auditId },
      select: {
        status: true,
        thresholdVersion: { select: { status: true } },
        sample: { select: { lockedAt: true } },
      },
    });
    if (!current) throw new NotFoundOrForbiddenError();
    assertTransition(current.status, input.to, {
      thresholdVersionPublished: current.thresholdVersion.status === 'PUBLISHED',
      sampleLocked: Boolean(current.sample?.lockedAt),
    });
    const { count } = await tx.audit.updateMany({
      where: { id: input.auditId, version: input.version, status: current.status },
      data: { status: input.to, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.audit.findUnique({ where: { id: input.auditId }, select: { id: true } }),
      'audit',
    );
    await recordAuditEvent(tx, {
      actorId,
      action: 'audit.status-changed',
      entityType: 'audit',
      entityId: input.auditId,
      detail: { from: current.status, to: input.to },
    });
  });
}
