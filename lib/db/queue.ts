import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import type { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import type { AuditStatus } from '@/lib/domain/audits';
import { QUEUE_PAGE_SIZE, type Queue, type QueueFilter, type QueueStatus } from '@/lib/domain/queue';

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
export async function findAuditorQueue(
  auditorId: string,
  filter: QueueFilter = { status: null, serviceAreaId: null, lawType: null, page: 1 },
): Promise<Queue> {
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
        filedOn: isoDay(document.filedOn),
      })),
    })),
  };
}
