import 'server-only';
import { db, type Tx } from './client';
import { contentOf } from './case-audits';
import type { AuditKind, LawType } from '@/lib/domain/audits';
import type { LinkedAudit } from '@/lib/domain/measure-views';
import type { MeasureSettings } from '@/lib/domain/measure-rules';

// A recommendation's measures: what their forms and use cases load, and their
// versioned writes. Who may do what is decided in lib/use-cases/improvement.

export type MeasureRecommendation = {
  id: string;
  number: string;
  text: string;
  status: 'OPEN' | 'CLOSED';
  serviceAreaIds: string[];
  lawTypes: LawType[];
  dueOn: string | null;
  source: { id: string; title: string; serviceAreaId: string | null };
};

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

export async function getMeasureRecommendation(
  recommendationId: string,
): Promise<MeasureRecommendation | null> {
  const row = await db().recommendation.findUnique({
    where: { id: recommendationId },
    select: {
      id: true,
      number: true,
      text: true,
      status: true,
      serviceAreaIds: true,
      lawTypes: true,
      dueOn: true,
      source: { select: { id: true, title: true, serviceAreaId: true } },
    },
  });
  return row ? { ...row, dueOn: day(row.dueOn) } : null;
}

/** The recommendation a measure belongs to, for authorising a change to the measure. */
export async function getMeasureOwner(measureId: string): Promise<{ recommendationId: string } | null> {
  return db().measure.findUnique({ where: { id: measureId }, select: { recommendationId: true } });
}

export type BaselineOption = {
  id: string;
  name: string;
  kind: AuditKind;
  /** The sections of its threshold version, for a section measure. */
  sections: { key: string; title: string }[];
};

/** Published audits, newest first, each with its version's sections: the choices of baseline. */
export async function findBaselineOptions(): Promise<BaselineOption[]> {
  const audits = await db().audit.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ windowTo: 'desc' }, { name: 'asc' }],
    select: { id: true, name: true, kind: true, thresholdVersionId: true },
  });
  return Promise.all(
    audits.map(async (audit) => ({
      id: audit.id,
      name: audit.name,
      kind: audit.kind,
      sections: (await contentOf(audit.thresholdVersionId)).sections.map((section) => ({
        key: section.key,
        title: section.title,
      })),
    })),
  );
}

/** The baseline as the rules check it: published, and its sections. Null when there is no such audit. */
export async function getBaselineFacts(
  auditId: string,
): Promise<{ isPublished: boolean; sectionKeys: string[] } | null> {
  const audit = await db().audit.findUnique({
    where: { id: auditId },
    select: { status: true, thresholdVersionId: true },
  });
  if (!audit) return null;
  const content = await contentOf(audit.thresholdVersionId);
  return {
    isPublished: audit.status === 'PUBLISHED',
    sectionKeys: content.sections.map((section) => section.key),
  };
}

/** Chosen teams' areas and which chosen areas exist. */
export async function getPlaceFacts(
  serviceAreaIds: string[],
  teamIds: string[],
): Promise<{ knownAreaIds: string[]; teamAreas: Record<string, string> }> {
  const [areas, teams] = await Promise.all([
    db().serviceArea.findMany({ where: { id: { in: serviceAreaIds } }, select: { id: true } }),
    db().team.findMany({ where: { id: { in: teamIds } }, select: { id: true, serviceAreaId: true } }),
  ]);
  return {
    knownAreaIds: areas.map((area) => area.id),
    teamAreas: Object.fromEntries(teams.map((team) => [team.id, team.serviceAreaId])),
  };
}

export type PlaceOptions = {
  serviceAreas: { id: string; code: string }[];
  teams: { id: string; name: string; serviceAreaId: string }[];
};

/** Areas and teams to filter by; an area's recommendation offers only its own. */
export async function findPlaceOptions(serviceAreaId: string | null): Promise<PlaceOptions> {
  const where = serviceAreaId ? { id: serviceAreaId } : {};
  const [serviceAreas, teams] = await Promise.all([
    db().serviceArea.findMany({ where, orderBy: { sortOrder: 'asc' }, select: { id: true, code: true } }),
    db().team.findMany({
      where: serviceAreaId ? { serviceAreaId } : {},
      orderBy: [{ serviceArea: { sortOrder: 'asc' } }, { name: 'asc' }],
      select: { id: true, name: true, serviceAreaId: true },
    }),
  ]);
  return { serviceAreas, teams };
}

function measureColumns(settings: MeasureSettings) {
  return {
    label: settings.label,
    sectionKey: settings.sectionKey,
    share: settings.share,
    auditKinds: settings.auditKinds,
    lawTypes: settings.lawTypes,
    serviceAreaIds: settings.serviceAreaIds,
    teamIds: settings.teamIds,
    employment: settings.employment,
    baselineAuditId: settings.baselineAuditId,
    targetPercent: settings.targetPercent,
    targetDirection: settings.targetDirection,
  };
}

export async function insertMeasure(
  tx: Tx,
  recommendationId: string,
  settings: MeasureSettings,
): Promise<{ id: string }> {
  return tx.measure.create({
    data: { recommendationId, ...measureColumns(settings) },
    select: { id: true },
  });
}

/** Rows changed: 0 when the measure is gone or someone saved first. */
export async function updateMeasureRow(
  tx: Tx,
  measureId: string,
  version: number,
  settings: MeasureSettings,
): Promise<number> {
  const { count } = await tx.measure.updateMany({
    where: { id: measureId, version },
    data: { ...measureColumns(settings), version: { increment: 1 } },
  });
  return count;
}

/**
 * Rows removed: 0 when the measure is gone or changed since it was read. A
 * commissioned audit's link to the measure is kept, without the measure.
 */
export async function deleteMeasureRow(tx: Tx, measureId: string, version: number): Promise<number> {
  const { count } = await tx.measure.deleteMany({ where: { id: measureId, version } });
  if (count === 1)
    await tx.recommendationAudit.updateMany({ where: { measureId }, data: { measureId: null } });
  return count;
}

/** Audits linked to the recommendations as evidence, newest link first. */
export async function findLinkedAudits(
  recommendationIds: string[],
): Promise<(Omit<LinkedAudit, 'measureLabel'> & { recommendationId: string })[]> {
  if (recommendationIds.length === 0) return [];
  const links = await db().recommendationAudit.findMany({
    where: { recommendationId: { in: recommendationIds } },
    orderBy: { linkedAt: 'desc' },
    select: { recommendationId: true, auditId: true, commissioned: true, measureId: true, linkedAt: true },
  });
  const audits = await db().audit.findMany({
    where: { id: { in: links.map((link) => link.auditId) } },
    select: { id: true, name: true, kind: true, status: true },
  });
  const byId = new Map(audits.map((audit) => [audit.id, audit]));
  return links.flatMap((link) => {
    const audit = byId.get(link.auditId);
    if (!audit) return [];
    return [
      {
        recommendationId: link.recommendationId,
        auditId: link.auditId,
        name: audit.name,
        kind: audit.kind,
        status: audit.status,
        commissioned: link.commissioned,
        measureId: link.measureId,
        linkedAt: link.linkedAt.toISOString(),
      },
    ];
  });
}

export type RegisterRow = {
  id: string;
  number: string;
  text: string;
  kind: 'RECOMMENDATION' | 'PRACTICE_IMPROVEMENT_POINT';
  status: 'OPEN' | 'CLOSED';
  dueOn: string | null;
  source: { title: string; issuedBy: string; issuedOn: string; areaCode: string | null };
};

/** Every recommendation, sources oldest first, then by number as people count ("2" before "10"). */
export async function findAllRecommendations(): Promise<RegisterRow[]> {
  const sources = await db().recommendationSource.findMany({
    orderBy: [{ issuedOn: 'asc' }, { title: 'asc' }],
    select: {
      title: true,
      issuedBy: true,
      issuedOn: true,
      serviceAreaId: true,
      recommendations: {
        select: { id: true, number: true, text: true, kind: true, status: true, dueOn: true },
      },
    },
  });
  const areas = new Map(
    (await db().serviceArea.findMany({ select: { id: true, code: true } })).map((area) => [
      area.id,
      area.code,
    ]),
  );
  const byNumber = new Intl.Collator('en', { numeric: true });
  return sources.flatMap((source) =>
    [...source.recommendations]
      .sort((a, b) => byNumber.compare(a.number, b.number))
      .map((recommendation) => ({
        ...recommendation,
        dueOn: day(recommendation.dueOn),
        source: {
          title: source.title,
          issuedBy: source.issuedBy,
          issuedOn: day(source.issuedOn) ?? '',
          areaCode: source.serviceAreaId ? (areas.get(source.serviceAreaId) ?? null) : null,
        },
      })),
  );
}
