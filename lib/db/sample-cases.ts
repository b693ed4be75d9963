import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import { literalContains } from './search';
import type { SampleCasesFilter } from '@/lib/schemas/sample';

// The sampled cases of an audit, a page at a time: a national sample is 600
// cases, too many to render with their actions on one page.

export const SAMPLE_PAGE_SIZE = 50;

export type SampledCaseRow = {
  id: string;
  version: number;
  caseReference: string;
  practitionerReference: string;
  practitionerName: string;
  areaCode: string;
  stratumKey: string;
  assignedTo: { id: string; name: string } | null;
};

function selectedWhere(
  auditId: string,
  filter: Omit<SampleCasesFilter, 'page'>,
): Prisma.SampledCaseWhereInput {
  if (!auditId) throw new Error('sample scope missing');
  return {
    auditId,
    status: 'SELECTED',
    ...(filter.serviceAreaId ? { serviceAreaId: filter.serviceAreaId } : {}),
    ...(filter.assignment === 'unassigned' ? { assignedToId: null } : {}),
    ...(filter.assignment === 'assigned' ? { assignedToId: { not: null } } : {}),
    ...(filter.reference ? { caseFile: { reference: literalContains(filter.reference) } } : {}),
  };
}

const rowSelect = {
  id: true,
  version: true,
  stratumKey: true,
  caseFile: {
    select: {
      reference: true,
      serviceArea: { select: { code: true } },
      practitioner: { select: { reference: true, name: true } },
    },
  },
  assignedTo: { select: { id: true, name: true } },
} satisfies Prisma.SampledCaseSelect;

type Row = Prisma.SampledCaseGetPayload<{ select: typeof rowSelect }>;
const toView = (row: Row): SampledCaseRow => ({
  id: row.id,
  version: row.version,
  caseReference: row.caseFile.reference,
  practitionerReference: row.caseFile.practitioner.reference,
  practitionerName: row.caseFile.practitioner.name,
  areaCode: row.caseFile.serviceArea.code,
  stratumKey: row.stratumKey,
  assignedTo: row.assignedTo,
});

/** One page of an audit's selected cases, with the filtered total and the audit's assignment counts. */
export async function findSampledCasesPage(
  auditId: string,
  filter: SampleCasesFilter,
  pageSize = SAMPLE_PAGE_SIZE,
): Promise<{ cases: SampledCaseRow[]; total: number; selected: number; unassigned: number }> {
  const where = selectedWhere(auditId, filter);
  const [rows, total, selected, unassigned] = await Promise.all([
    db().sampledCase.findMany({
      where,
      select: rowSelect,
      orderBy: [
        { caseFile: { serviceArea: { sortOrder: 'asc' } } },
        { stratumKey: 'asc' },
        { caseFile: { reference: 'asc' } },
      ],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
    }),
    db().sampledCase.count({ where }),
    db().sampledCase.count({ where: { auditId, status: 'SELECTED' } }),
    db().sampledCase.count({ where: { auditId, status: 'SELECTED', assignedToId: null } }),
  ]);
  return { cases: rows.map(toView), total, selected, unassigned };
}

/** One selected case of an audit, for its own page of actions (reassign, replace). */
export async function getSampledCase(auditId: string, sampledCaseId: string): Promise<SampledCaseRow | null> {
  const row = await db().sampledCase.findFirst({
    where: { id: sampledCaseId, auditId, status: 'SELECTED' },
    select: rowSelect,
  });
  return row ? toView(row) : null;
}
