import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { auditColumns, type AuditFields } from './audits';
import { db, type Tx } from './client';
import { loadMeasureSeries } from './measure-series';
import type { MeasureDefinition } from '@/lib/domain/measures';
import type { LawType } from '@/lib/domain/audits';

// Commissioning a thematic audit from a recommendation (issue 16 §5): what the
// form starts from, the write, and what the commissioned audit's page checks.

/**
 * The newest published version of the threshold document the baseline audit
 * was graded against (or, without one, of the latest national audit's
 * document): a thematic audit tests the recommendation against today's threshold.
 */
export async function latestThresholdVersionFor(baselineAuditId: string | null): Promise<string | null> {
  const reference = await db().audit.findFirst({
    where: baselineAuditId
      ? { id: baselineAuditId }
      : { kind: 'NATIONAL_PRACTICE_QUALITY', status: 'PUBLISHED' },
    orderBy: { windowTo: 'desc' },
    select: { thresholdVersion: { select: { documentId: true } } },
  });
  const latest = await db().thresholdVersion.findFirst({
    where: {
      status: 'PUBLISHED',
      ...(reference ? { documentId: reference.thresholdVersion.documentId } : {}),
    },
    orderBy: [{ publishedAt: 'desc' }, { number: 'desc' }],
    select: { id: true },
  });
  return latest?.id ?? null;
}

/** The draft audit and its link to the recommendation (commissioned, testing the measure), in the caller's transaction. */
export async function insertCommissionedAudit(
  tx: Tx,
  fields: AuditFields,
  link: { recommendationId: string; measureId: string | null; linkedById: string; now: Date },
): Promise<{ id: string }> {
  const audit = await tx.audit.create({
    data: {
      ...auditColumns(fields),
      status: 'DRAFT',
      serviceAreas: { create: fields.serviceAreaIds.map((serviceAreaId) => ({ serviceAreaId })) },
    },
    select: { id: true },
  });
  await tx.recommendationAudit.create({
    data: {
      recommendationId: link.recommendationId,
      auditId: audit.id,
      measureId: link.measureId,
      commissioned: true,
      linkedById: link.linkedById,
      linkedAt: link.now,
    },
  });
  return audit;
}

/**
 * Each area's baseline figure for the measure: the measure with its area
 * filter narrowed to the one area, counted in the baseline audit only. One
 * counting query per area (lib/db/measure-series.ts).
 */
export async function areaBaselines(
  measure: MeasureDefinition,
  serviceAreaIds: string[],
): Promise<Map<string, { count: number; total: number } | null>> {
  const result = new Map<string, { count: number; total: number } | null>();
  if (!measure.baselineAuditId) {
    for (const id of serviceAreaIds) result.set(id, null);
    return result;
  }
  const perArea = serviceAreaIds.map((serviceAreaId) => ({
    ...measure,
    id: serviceAreaId,
    serviceAreaIds: [serviceAreaId],
  }));
  const series = await loadMeasureSeries(perArea);
  for (const data of series) {
    const baseline = data.counts.find((count) => count.auditId === measure.baselineAuditId);
    result.set(data.measureId, baseline ? { count: baseline.count, total: baseline.total } : null);
  }
  return result;
}

/** The recommendations (and measures) an audit was commissioned to test. */
export async function findCommissionsOf(
  auditId: string,
): Promise<{ recommendationId: string; measureId: string | null }[]> {
  return db().recommendationAudit.findMany({
    where: { auditId, commissioned: true },
    orderBy: { linkedAt: 'asc' },
    select: { recommendationId: true, measureId: true },
  });
}

/** Cases drawn (selected) per area, of the law types given (all when none). */
export async function drawnCasesByArea(
  auditId: string,
  lawTypes: LawType[],
): Promise<Record<string, number>> {
  const law = lawTypes.length > 0 ? Prisma.sql`AND cf.law_type::text = ANY(${lawTypes})` : Prisma.empty;
  const rows = await db().$queryRaw<{ service_area_id: string; drawn: bigint }[]>`
    SELECT sc.service_area_id, count(*) AS drawn
    FROM sampled_case sc JOIN case_file cf ON cf.id = sc.case_file_id
    WHERE sc.audit_id = ${auditId} AND sc.status = 'SELECTED' ${law}
    GROUP BY sc.service_area_id`;
  return Object.fromEntries(rows.map((row) => [row.service_area_id, Number(row.drawn)]));
}

/** Area id → code, in the service's order. */
export async function areaCodes(serviceAreaIds: string[]): Promise<{ id: string; code: string }[]> {
  return db().serviceArea.findMany({
    where: { id: { in: serviceAreaIds } },
    orderBy: { sortOrder: 'asc' },
    select: { id: true, code: true },
  });
}

/** The areas and law types an audit covers. */
export async function auditCoverage(
  auditId: string,
): Promise<{ serviceAreaIds: string[]; lawTypes: LawType[] } | null> {
  const audit = await db().audit.findUnique({
    where: { id: auditId },
    select: { lawTypes: true, serviceAreas: { select: { serviceAreaId: true } } },
  });
  return audit
    ? { lawTypes: audit.lawTypes, serviceAreaIds: audit.serviceAreas.map((area) => area.serviceAreaId) }
    : null;
}
