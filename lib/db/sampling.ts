import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import { recordAuditEvent } from './audit-events';
import { handOverDrafts } from './case-audits';
import { assertVersionedUpdate } from './versioned';
import { balanceAssignments, canAssign } from '@/lib/domain/assignment';
import type { AuditStatus, LawType } from '@/lib/domain/audits';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { drawSample, type FiledWork, type Sample, type SamplingParameters } from '@/lib/domain/sampling';

const day = (value: Date) => value.toISOString().slice(0, 10);

export type SamplingContext = {
  auditId: string;
  auditName: string;
  status: AuditStatus;
  windowFrom: string;
  windowTo: string;
  lawTypes: LawType[];
  serviceAreaIds: string[];
  sample: {
    seed: string;
    sharePercent: number;
    drawnAt: Date;
    lockedAt: Date | null;
    version: number;
  } | null;
};

export async function getSamplingContext(auditId: string): Promise<SamplingContext | null> {
  const audit = await db().audit.findUnique({
    where: { id: auditId },
    select: {
      id: true,
      name: true,
      status: true,
      windowFrom: true,
      windowTo: true,
      lawTypes: true,
      serviceAreas: { select: { serviceAreaId: true } },
      sample: { select: { seed: true, sharePercent: true, drawnAt: true, lockedAt: true, version: true } },
    },
  });
  if (!audit) return null;
  return {
    auditId: audit.id,
    auditName: audit.name,
    status: audit.status,
    windowFrom: day(audit.windowFrom),
    windowTo: day(audit.windowTo),
    lawTypes: audit.lawTypes,
    serviceAreaIds: audit.serviceAreas.map((area) => area.serviceAreaId),
    sample: audit.sample,
  };
}

/** Filed work inside the window and scope; the domain picks each practitioner's latest. */
async function loadPopulation(context: SamplingContext): Promise<FiledWork[]> {
  const rows = await db().$queryRaw<
    {
      case_file_id: string;
      reference: string;
      practitioner_id: string;
      service_area_id: string;
      law_type: LawType;
      performance_band: string | null;
      filed_on: Date;
    }[]
  >`
    SELECT c.id AS case_file_id, c.reference, c.practitioner_id, c.service_area_id, c.law_type::text AS law_type,
           p.performance_band, max(d.filed_on) AS filed_on
    FROM filed_document d
    JOIN case_file c ON c.id = d.case_file_id
    JOIN practitioner p ON p.id = c.practitioner_id
    WHERE d.filed_on BETWEEN ${context.windowFrom}::date AND ${context.windowTo}::date
      AND c.service_area_id = ANY(${context.serviceAreaIds}::text[])
      AND c.law_type::text = ANY(${context.lawTypes}::text[])
      AND p.is_active
    GROUP BY c.id, p.performance_band`;
  return rows.map((row) => ({
    caseFileId: row.case_file_id,
    caseReference: row.reference,
    practitionerId: row.practitioner_id,
    serviceAreaId: row.service_area_id,
    lawType: row.law_type,
    performanceBand: row.performance_band,
    filedOn: day(row.filed_on),
  }));
}

function assertCanSample(context: SamplingContext): void {
  if (context.status !== 'SAMPLING')
    throw new RuleError('Sampling happens while the audit is in its Sampling stage.');
  if (context.sample?.lockedAt)
    throw new RuleError('The sample is locked: cases can only be replaced from the reserve list.');
}

/** Draws (or redraws, until locked) the audit's sample and stores it with its seed and parameters. */
export async function drawAndStoreSample(
  actorId: string,
  auditId: string,
  request: { seed: string; sharePercent: number },
  now: Date,
): Promise<{ selected: number; reserve: number; areas: number }> {
  const context = await getSamplingContext(auditId);
  if (!context) throw new NotFoundOrForbiddenError();
  assertCanSample(context);
  const parameters: SamplingParameters = {
    seed: request.seed,
    sharePercent: request.sharePercent,
    windowFrom: context.windowFrom,
    windowTo: context.windowTo,
    lawTypes: context.lawTypes,
    serviceAreaIds: context.serviceAreaIds,
  };
  const sample = drawSample(await loadPopulation(context), parameters);
  const rows = sampleRows(auditId, sample);
  await db().$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<
        { locked_at: Date | null }[]
      >`SELECT locked_at FROM audit_sample WHERE audit_id = ${auditId} FOR UPDATE`;
      if (locked[0]?.locked_at)
        throw new RuleError('The sample is locked: cases can only be replaced from the reserve list.');
      await tx.sampledCase.deleteMany({ where: { auditId } });
      await tx.auditSample.upsert({
        where: { auditId },
        create: {
          auditId,
          seed: request.seed,
          sharePercent: request.sharePercent,
          parameters,
          drawnAt: now,
          drawnById: actorId,
        },
        update: {
          seed: request.seed,
          sharePercent: request.sharePercent,
          parameters,
          drawnAt: now,
          drawnById: actorId,
          version: { increment: 1 },
        },
      });
      await tx.sampledCase.createMany({ data: rows });
      await recordAuditEvent(tx, {
        actorId,
        action: 'sample.drawn',
        entityType: 'audit',
        entityId: auditId,
        detail: { ...parameters, cases: rows.length },
      });
    },
    { timeout: 120_000 },
  );
  return {
    selected: rows.filter((row) => row.status === 'SELECTED').length,
    reserve: rows.filter((row) => row.status === 'RESERVE').length,
    areas: sample.areas.length,
  };
}

function sampleRows(auditId: string, sample: Sample) {
  return sample.areas.flatMap((area) =>
    area.strata.flatMap((stratum) => [
      ...stratum.selected.map((case_) => ({
        auditId,
        caseFileId: case_.caseFileId,
        practitionerId: case_.practitionerId,
        serviceAreaId: area.serviceAreaId,
        stratumKey: stratum.key,
        status: 'SELECTED' as const,
        reserveRank: null,
      })),
      ...stratum.reserve.map((case_, rank) => ({
        auditId,
        caseFileId: case_.caseFileId,
        practitionerId: case_.practitionerId,
        serviceAreaId: area.serviceAreaId,
        stratumKey: stratum.key,
        status: 'RESERVE' as const,
        reserveRank: rank + 1,
      })),
    ]),
  );
}

export type StratumRow = {
  serviceAreaId: string;
  areaCode: string;
  stratumKey: string;
  population: number;
  selected: number;
  replaced: number;
};

/** Per area and stratum: population and sample counts, counted in the database. */
export async function sampleBreakdown(auditId: string): Promise<StratumRow[]> {
  const rows = await db().$queryRaw<
    {
      service_area_id: string;
      code: string;
      stratum_key: string;
      population: bigint;
      selected: bigint;
      replaced: bigint;
    }[]
  >`
    SELECT s.service_area_id, a.code, s.stratum_key,
           count(*) AS population,
           count(*) FILTER (WHERE s.status = 'SELECTED') AS selected,
           count(*) FILTER (WHERE s.status = 'REPLACED') AS replaced
    FROM sampled_case s JOIN service_area a ON a.id = s.service_area_id
    WHERE s.audit_id = ${auditId}
    GROUP BY s.service_area_id, a.code, a.sort_order, s.stratum_key
    ORDER BY a.sort_order, s.stratum_key`;
  return rows.map((row) => ({
    serviceAreaId: row.service_area_id,
    areaCode: row.code,
    stratumKey: row.stratum_key,
    population: Number(row.population),
    selected: Number(row.selected),
    replaced: Number(row.replaced),
  }));
}

export type SampledCaseView = {
  id: string;
  version: number;
  caseReference: string;
  practitionerReference: string;
  practitionerName: string;
  areaCode: string;
  stratumKey: string;
  status: 'SELECTED' | 'RESERVE' | 'REPLACED';
  reserveRank: number | null;
  assignedTo: { id: string; name: string } | null;
};

export async function findSampledCases(
  auditId: string,
  statuses: ('SELECTED' | 'RESERVE' | 'REPLACED')[],
): Promise<SampledCaseView[]> {
  const rows = await db().sampledCase.findMany({
    where: { auditId, status: { in: statuses } },
    select: {
      id: true,
      version: true,
      stratumKey: true,
      status: true,
      reserveRank: true,
      caseFile: {
        select: {
          reference: true,
          serviceArea: { select: { code: true, sortOrder: true } },
          practitioner: { select: { reference: true, name: true } },
        },
      },
      assignedTo: { select: { id: true, name: true } },
    },
    orderBy: [
      { caseFile: { serviceArea: { sortOrder: 'asc' } } },
      { stratumKey: 'asc' },
      { status: 'asc' },
      { reserveRank: 'asc' },
      { caseFile: { reference: 'asc' } },
    ],
  });
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    caseReference: row.caseFile.reference,
    practitionerReference: row.caseFile.practitioner.reference,
    practitionerName: row.caseFile.practitioner.name,
    areaCode: row.caseFile.serviceArea.code,
    stratumKey: row.stratumKey,
    status: row.status,
    reserveRank: row.reserveRank,
    assignedTo: row.assignedTo,
  }));
}

export async function lockSample(
  actorId: string,
  input: { auditId: string; version: number },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const context = await tx.audit.findUnique({
      where: { id: input.auditId },
      select: { status: true, sample: { select: { lockedAt: true } } },
    });
    if (!context) throw new NotFoundOrForbiddenError();
    if (!context.sample) throw new RuleError('Draw the sample before locking it.');
    if (context.sample.lockedAt) throw new RuleError('The sample is already locked.');
    const { count } = await tx.auditSample.updateMany({
      where: { auditId: input.auditId, version: input.version, lockedAt: null },
      data: { lockedAt: now, lockedById: actorId, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.auditSample.findUnique({ where: { auditId: input.auditId }, select: { auditId: true } }),
      'sample',
    );
    await recordAuditEvent(tx, {
      actorId,
      action: 'sample.locked',
      entityType: 'audit',
      entityId: input.auditId,
      detail: {},
    });
  });
}

export const REPLACEMENT_REASONS = {
  'practitioner-left': 'Practitioner has left',
  'case-sealed': 'Case sealed by the court',
  'included-in-error': 'Included in error',
  other: 'Other',
} as const;
export type ReplacementReason = keyof typeof REPLACEMENT_REASONS;

/** After locking: the next case on the stratum's reserve list takes the place, logged. */
export async function replaceSampledCase(
  actorId: string,
  input: { sampledCaseId: string; version: number; reason: ReplacementReason; note: string },
  now: Date,
): Promise<{ replacementCaseReference: string }> {
  return db().$transaction(async (tx) => {
    const target = await tx.sampledCase.findUnique({
      where: { id: input.sampledCaseId },
      select: {
        auditId: true,
        status: true,
        serviceAreaId: true,
        stratumKey: true,
        assignedToId: true,
        audit: { select: { sample: { select: { lockedAt: true } } } },
      },
    });
    if (!target) throw new NotFoundOrForbiddenError();
    if (!target.audit.sample?.lockedAt)
      throw new RuleError('Lock the sample first: before that, redraw it instead.');
    if (target.status !== 'SELECTED') throw new RuleError('Only a selected case can be replaced.');
    const next = await tx.sampledCase.findFirst({
      where: {
        auditId: target.auditId,
        serviceAreaId: target.serviceAreaId,
        stratumKey: target.stratumKey,
        status: 'RESERVE',
      },
      orderBy: { reserveRank: 'asc' },
      select: {
        id: true,
        caseFile: { select: { reference: true, practitioner: { select: { managerId: true } } } },
      },
    });
    if (!next) throw new RuleError('No case is left on this stratum’s reserve list.');
    const { count } = await tx.sampledCase.updateMany({
      where: { id: input.sampledCaseId, version: input.version, status: 'SELECTED' },
      data: { status: 'REPLACED', assignedToId: null, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.sampledCase.findUnique({ where: { id: input.sampledCaseId }, select: { id: true } }),
      'sampled case',
    );
    // The replacement goes to the same auditor, unless they manage its practitioner.
    const keepAuditor =
      target.assignedToId !== null && next.caseFile.practitioner.managerId !== target.assignedToId;
    await tx.sampledCase.update({
      where: { id: next.id },
      data: {
        status: 'SELECTED',
        assignedToId: keepAuditor ? target.assignedToId : null,
        version: { increment: 1 },
      },
    });
    await tx.sampleReplacement.create({
      data: {
        auditId: target.auditId,
        replacedCaseId: input.sampledCaseId,
        replacementCaseId: next.id,
        reason: input.reason,
        note: input.note,
        replacedAt: now,
        replacedById: actorId,
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: 'sample.case-replaced',
      entityType: 'sampled_case',
      entityId: input.sampledCaseId,
      detail: { replacement: next.id, reason: input.reason, note: input.note },
    });
    return { replacementCaseReference: next.caseFile.reference };
  });
}

export type ReplacementView = {
  replacedAt: Date;
  replacedBy: string;
  reason: string;
  note: string;
  replacedCase: string;
  replacementCase: string;
};

export async function findReplacements(auditId: string): Promise<ReplacementView[]> {
  const rows = await db().$queryRaw<
    {
      replaced_at: Date;
      replaced_by: string;
      reason: string;
      note: string;
      replaced_case: string;
      replacement_case: string;
    }[]
  >`
    SELECT r.replaced_at, u.name AS replaced_by, r.reason, r.note, c1.reference AS replaced_case, c2.reference AS replacement_case
    FROM sample_replacement r
    JOIN app_user u ON u.id = r.replaced_by_id
    JOIN sampled_case s1 ON s1.id = r.replaced_case_id JOIN case_file c1 ON c1.id = s1.case_file_id
    JOIN sampled_case s2 ON s2.id = r.replacement_case_id JOIN case_file c2 ON c2.id = s2.case_file_id
    WHERE r.audit_id = ${auditId}
    ORDER BY r.replaced_at`;
  return rows.map((row) => ({
    replacedAt: row.replaced_at,
    replacedBy: row.replaced_by,
    reason: REPLACEMENT_REASONS[row.reason as ReplacementReason] ?? row.reason,
    note: row.note,
    replacedCase: row.replaced_case,
    replacementCase: row.replacement_case,
  }));
}

async function assertLocked(auditId: string): Promise<void> {
  const sample = await db().auditSample.findUnique({ where: { auditId }, select: { lockedAt: true } });
  if (!sample) throw new NotFoundOrForbiddenError();
  if (!sample.lockedAt) throw new RuleError('Lock the sample before assigning cases.');
}

/** Shares the unassigned selected cases among active Improvement Managers. */
export async function autoAssign(
  actorId: string,
  auditId: string,
  now: Date,
): Promise<{ assigned: number; unassignable: number }> {
  await assertLocked(auditId);
  return db().$transaction(async (tx) => {
    const [cases, auditors, loads] = await Promise.all([
      tx.sampledCase.findMany({
        where: { auditId, status: 'SELECTED', assignedToId: null },
        select: {
          id: true,
          serviceAreaId: true,
          practitionerId: true,
          caseFile: { select: { practitioner: { select: { managerId: true } } } },
        },
      }),
      tx.user.findMany({ where: { role: 'IMPROVEMENT_MANAGER', isActive: true }, select: { id: true } }),
      tx.sampledCase.groupBy({
        by: ['assignedToId'],
        where: { auditId, status: 'SELECTED', assignedToId: { not: null } },
        _count: { _all: true },
      }),
    ]);
    const loadByAuditor = new Map(loads.map((row) => [row.assignedToId, row._count._all]));
    const plan = balanceAssignments(
      cases.map((row) => ({
        sampledCaseId: row.id,
        serviceAreaId: row.serviceAreaId,
        practitionerId: row.practitionerId,
        managerId: row.caseFile.practitioner.managerId,
      })),
      auditors.map((auditor) => ({ userId: auditor.id, currentLoad: loadByAuditor.get(auditor.id) ?? 0 })),
    );
    const byAuditor = new Map<string, string[]>();
    for (const [caseId, auditorId] of plan.assignments)
      byAuditor.set(auditorId, [...(byAuditor.get(auditorId) ?? []), caseId]);
    for (const [auditorId, caseIds] of byAuditor) {
      await tx.sampledCase.updateMany({
        where: { id: { in: caseIds }, assignedToId: null },
        data: { assignedToId: auditorId, version: { increment: 1 } },
      });
      // An unassigned case can already hold a draft (a concern raised on it, or a case replaced).
      await handOverDrafts(tx, { actorId, sampledCaseIds: caseIds, toAuditorId: auditorId, now });
    }
    await recordAuditEvent(tx, {
      actorId,
      action: 'sample.auto-assigned',
      entityType: 'audit',
      entityId: auditId,
      detail: { assigned: plan.assignments.size, unassignable: plan.unassignable.length },
    });
    return { assigned: plan.assignments.size, unassignable: plan.unassignable.length };
  });
}

/** Gives a case to another auditor; a draft already begun goes with it (see handOverDrafts). */
export async function reassignCase(
  actorId: string,
  input: { sampledCaseId: string; version: number; auditorId: string },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const target = await tx.sampledCase.findUnique({
      where: { id: input.sampledCaseId },
      select: {
        auditId: true,
        status: true,
        serviceAreaId: true,
        practitionerId: true,
        caseFile: { select: { practitioner: { select: { managerId: true } } } },
      },
    });
    if (!target) throw new NotFoundOrForbiddenError();
    await assertLocked(target.auditId);
    if (target.status !== 'SELECTED') throw new RuleError('Only selected cases are assigned.');
    const auditor = await tx.user.findUnique({
      where: { id: input.auditorId },
      select: { role: true, isActive: true },
    });
    if (!auditor || auditor.role !== 'IMPROVEMENT_MANAGER' || !auditor.isActive)
      throw new RuleError('Choose an active Improvement Manager', 'auditorId');
    const toAssign = {
      sampledCaseId: input.sampledCaseId,
      serviceAreaId: target.serviceAreaId,
      practitionerId: target.practitionerId,
      managerId: target.caseFile.practitioner.managerId,
    };
    if (!canAssign(toAssign, input.auditorId))
      throw new RuleError(
        'That Improvement Manager manages this practitioner: choose someone else',
        'auditorId',
      );
    const { count } = await tx.sampledCase.updateMany({
      where: { id: input.sampledCaseId, version: input.version },
      data: { assignedToId: input.auditorId, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.sampledCase.findUnique({ where: { id: input.sampledCaseId }, select: { id: true } }),
      'sampled case',
    );
    const draftsHandedOver = await handOverDrafts(tx, {
      actorId,
      sampledCaseIds: [input.sampledCaseId],
      toAuditorId: input.auditorId,
      now,
    });
    await recordAuditEvent(tx, {
      actorId,
      action: 'sample.case-reassigned',
      entityType: 'sampled_case',
      entityId: input.sampledCaseId,
      detail: { auditorId: input.auditorId, draftHandedOver: draftsHandedOver > 0 },
    });
  });
}

export async function assignmentLoads(
  auditId: string,
): Promise<{ auditorId: string; name: string; cases: number; areas: number }[]> {
  const rows = await db().$queryRaw<{ id: string; name: string; cases: bigint; areas: bigint }[]>`
    SELECT u.id, u.name, count(s.id) AS cases, count(DISTINCT s.service_area_id) AS areas
    FROM app_user u LEFT JOIN sampled_case s ON s.assigned_to_id = u.id AND s.audit_id = ${auditId} AND s.status = 'SELECTED'
    WHERE u.role = 'IMPROVEMENT_MANAGER' AND u.is_active
    GROUP BY u.id, u.name ORDER BY u.name`;
  return rows.map((row) => ({
    auditorId: row.id,
    name: row.name,
    cases: Number(row.cases),
    areas: Number(row.areas),
  }));
}

export const QUEUE_STATUSES = ['TO_DO', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  TO_DO: 'To do',
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Submitted',
  RETURNED: 'Returned',
};
export const QUEUE_PAGE_SIZE = 50;

export type QueueCase = {
  sampledCaseId: string;
  auditName: string;
  caseReference: string;
  practitionerName: string;
  teamName: string | null;
  areaCode: string;
  lawType: LawType;
  status: QueueStatus;
  documents: { documentType: string; filedOn: string }[];
};

export type QueueFilter = {
  status: QueueStatus | null;
  serviceAreaId: string | null;
  lawType: LawType | null;
  page: number;
};

/**
 * An auditor's cases: what is assigned to them in audits under way, plus
 * every case they submitted as auditor of record, in any audit (published
 * ones included), so finished work stays findable.
 */
function queueWhere(
  auditorId: string,
  filter: Omit<QueueFilter, 'status' | 'page'>,
): Prisma.SampledCaseWhereInput {
  return {
    status: 'SELECTED' as const,
    OR: [
      {
        assignedToId: auditorId,
        audit: { status: { in: ['SAMPLING', 'GRADING', 'REVIEW'] as AuditStatus[] } },
      },
      { caseAudit: { is: { auditorId, status: { in: ['SUBMITTED', 'RETURNED'] } } } },
    ],
    ...(filter.serviceAreaId ? { serviceAreaId: filter.serviceAreaId } : {}),
    ...(filter.lawType ? { caseFile: { lawType: filter.lawType } } : {}),
  };
}

function statusWhere(auditorId: string, status: QueueStatus | null): Prisma.SampledCaseWhereInput {
  if (status === null) return {};
  if (status === 'TO_DO') return { caseAudit: { is: null } };
  if (status === 'IN_PROGRESS') return { caseAudit: { is: { status } } };
  return { caseAudit: { is: { status, auditorId } } };
}

/** An auditor's own cases: always filtered by their own user id. */
export async function findQueue(
  auditorId: string,
  filter: QueueFilter = { status: null, serviceAreaId: null, lawType: null, page: 1 },
): Promise<{
  cases: QueueCase[];
  total: number;
  counts: Record<QueueStatus, number>;
}> {
  if (!auditorId) throw new Error('queue scope missing');
  const base = queueWhere(auditorId, filter);
  const where: Prisma.SampledCaseWhereInput = { AND: [base, statusWhere(auditorId, filter.status)] };
  const [rows, total, withAudit, all] = await Promise.all([
    db().sampledCase.findMany({
      where,
      select: {
        id: true,
        audit: { select: { name: true } },
        caseAudit: { select: { status: true } },
        caseFile: {
          select: {
            reference: true,
            lawType: true,
            serviceArea: { select: { code: true } },
            team: { select: { name: true } },
            practitioner: { select: { name: true } },
            documents: {
              select: { documentType: true, filedOn: true },
              orderBy: { filedOn: 'desc' },
              take: 5,
            },
          },
        },
      },
      // Live audits end latest: work waiting comes before finished audits' cases.
      orderBy: [
        { audit: { windowTo: 'desc' } },
        { audit: { name: 'asc' } },
        { caseFile: { reference: 'asc' } },
      ],
      skip: (filter.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
    }),
    db().sampledCase.count({ where }),
    db().caseAudit.groupBy({ by: ['status'], where: { sampledCase: base }, _count: { _all: true } }),
    db().sampledCase.count({ where: base }),
  ]);
  const counts: Record<QueueStatus, number> = { TO_DO: 0, IN_PROGRESS: 0, SUBMITTED: 0, RETURNED: 0 };
  for (const row of withAudit) counts[row.status] = row._count._all;
  counts.TO_DO = all - counts.IN_PROGRESS - counts.SUBMITTED - counts.RETURNED;
  return {
    total,
    counts,
    cases: rows.map((row) => ({
      sampledCaseId: row.id,
      auditName: row.audit.name,
      caseReference: row.caseFile.reference,
      practitionerName: row.caseFile.practitioner.name,
      teamName: row.caseFile.team?.name ?? null,
      areaCode: row.caseFile.serviceArea.code,
      lawType: row.caseFile.lawType,
      status: row.caseAudit ? row.caseAudit.status : 'TO_DO',
      documents: row.caseFile.documents.map((document) => ({
        documentType: document.documentType,
        filedOn: day(document.filedOn),
      })),
    })),
  };
}

export async function findAuditorOptions(): Promise<{ id: string; name: string }[]> {
  return db().user.findMany({
    where: { role: 'IMPROVEMENT_MANAGER', isActive: true },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}

export type SampleExportRow = {
  areaCode: string;
  stratumKey: string;
  stratumPopulation: number;
  stratumSelected: number;
  caseReference: string;
  practitionerReference: string;
  latestFiling: string;
  status: string;
  reserveRank: number | null;
  assignedTo: string | null;
};

/** Every sampled case with what explains it: its stratum's size and share. */
export async function sampleExportRows(
  auditId: string,
  windowFrom: string,
  windowTo: string,
): Promise<SampleExportRow[]> {
  const rows = await db().$queryRaw<
    {
      code: string;
      stratum_key: string;
      population: bigint;
      selected: bigint;
      reference: string;
      practitioner_ref: string;
      latest: Date | null;
      status: string;
      reserve_rank: number | null;
      assigned_to: string | null;
    }[]
  >`
    WITH strata AS (
      SELECT service_area_id, stratum_key, count(*) AS population, count(*) FILTER (WHERE status = 'SELECTED') AS selected
      FROM sampled_case WHERE audit_id = ${auditId} GROUP BY service_area_id, stratum_key
    )
    SELECT a.code, s.stratum_key, st.population, st.selected, c.reference, p.reference AS practitioner_ref,
           (SELECT max(d.filed_on) FROM filed_document d WHERE d.case_file_id = c.id AND d.filed_on BETWEEN ${windowFrom}::date AND ${windowTo}::date) AS latest,
           s.status::text AS status, s.reserve_rank, u.name AS assigned_to
    FROM sampled_case s
    JOIN strata st ON st.service_area_id = s.service_area_id AND st.stratum_key = s.stratum_key
    JOIN service_area a ON a.id = s.service_area_id
    JOIN case_file c ON c.id = s.case_file_id
    JOIN practitioner p ON p.id = s.practitioner_id
    LEFT JOIN app_user u ON u.id = s.assigned_to_id
    WHERE s.audit_id = ${auditId}
    ORDER BY a.sort_order, s.stratum_key, s.status, s.reserve_rank NULLS FIRST, c.reference`;
  return rows.map((row) => ({
    areaCode: row.code,
    stratumKey: row.stratum_key,
    stratumPopulation: Number(row.population),
    stratumSelected: Number(row.selected),
    caseReference: row.reference,
    practitionerReference: row.practitioner_ref,
    latestFiling: row.latest ? day(row.latest) : '',
    status: row.status,
    reserveRank: row.reserve_rank,
    assignedTo: row.assigned_to,
  }));
}
