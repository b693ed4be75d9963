import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import { ensureSummaries } from './audit-summaries';
import { contentOf } from './case-audits';
import {
  countedGradeKeys,
  sectionKeyIn,
  shareLabelOf,
  type MeasureCount,
  type MeasureDefinition,
  type MeasureNames,
} from '@/lib/domain/measures';
import type { AuditKind } from '@/lib/domain/audits';
import type { RubricContent } from '@/lib/domain/rubric';

// A measure's counts per published audit (issue 16 §3): how many graded cases
// match its filters and how many of them have the counted grade. The domain
// (lib/domain/measures.ts, assembleMeasure) turns them into the series, the
// change and the sentence. One counting query per measure.
//
// Where the counts come from:
// - audit_summary (the overall grade) and audit_section_summary (a section's
//   "Good or above") when the filters are audit kind, law type, area and team:
//   the summaries are grouped by exactly those, and a published audit never
//   changes, so they give the same figures as case_audit without reading it.
// - case_audit when the filters or the share need what the summaries do not
//   keep: employment (not a summary column) and a section's lowest grade (the
//   section summary counts only "Good or above").
// Scales differ between threshold versions, so the counted grades (and a
// section's key) are worked out per audit from its own version, with the
// domain's rules (countedGradeKeys, sectionKeyIn), and passed to the query as
// "auditId|key" pairs.

export type MeasureSeriesData = { measureId: string; names: MeasureNames; counts: MeasureCount[] };

type PublishedAudit = {
  id: string;
  name: string;
  kind: AuditKind;
  windowTo: string;
  thresholdVersionId: string;
};

/** Every published audit, oldest first, summarised (once) so the summaries can be read. */
async function publishedAudits(): Promise<PublishedAudit[]> {
  const audits = await db().audit.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ windowTo: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, kind: true, windowTo: true, thresholdVersionId: true },
  });
  await ensureSummaries(audits);
  return audits.map((audit) => ({ ...audit, windowTo: audit.windowTo.toISOString().slice(0, 10) }));
}

type Source = 'audit_summary' | 'audit_section_summary' | 'case_audit';

export function measureSource(
  measure: Pick<MeasureDefinition, 'employment' | 'sectionKey' | 'share'>,
): Source {
  if (measure.employment !== null) return 'case_audit';
  if (measure.sectionKey === null) return 'audit_summary';
  return measure.share === 'GOOD_OR_ABOVE' ? 'audit_section_summary' : 'case_audit';
}

function filterSql(measure: MeasureDefinition, alias: 's' | 'ca'): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}.${name}`);
  const parts: Prisma.Sql[] = [];
  if (measure.lawTypes.length > 0)
    parts.push(Prisma.sql`AND ${column('law_type')}::text = ANY(${measure.lawTypes})`);
  if (measure.serviceAreaIds.length > 0)
    parts.push(Prisma.sql`AND ${column('service_area_id')} = ANY(${measure.serviceAreaIds})`);
  if (measure.teamIds.length > 0) parts.push(Prisma.sql`AND ${column('team_id')} = ANY(${measure.teamIds})`);
  if (measure.employment !== null)
    parts.push(Prisma.sql`AND ca.employment = ${measure.employment}::employment`);
  return parts.length > 0 ? Prisma.join(parts, ' ') : Prisma.empty;
}

type CountRow = { audit_id: string; count: bigint | null; total: bigint | null };

async function countRows(
  measure: MeasureDefinition,
  auditIds: string[],
  gradePairs: string[],
  sectionPairs: string[],
): Promise<CountRow[]> {
  switch (measureSource(measure)) {
    case 'audit_summary':
      return db().$queryRaw<CountRow[]>`
        SELECT s.audit_id,
               sum(s.cases) FILTER (WHERE (s.audit_id || '|' || s.overall_grade) = ANY(${gradePairs})) AS count,
               sum(s.cases) AS total
        FROM audit_summary s
        WHERE s.audit_id = ANY(${auditIds}) ${filterSql(measure, 's')}
        GROUP BY s.audit_id`;
    case 'audit_section_summary':
      return db().$queryRaw<CountRow[]>`
        SELECT s.audit_id, sum(s.good_or_above) AS count, sum(s.graded) AS total
        FROM audit_section_summary s
        WHERE s.audit_id = ANY(${auditIds}) AND (s.audit_id || '|' || s.section_key) = ANY(${sectionPairs})
              ${filterSql(measure, 's')}
        GROUP BY s.audit_id`;
    case 'case_audit':
      // The same cases the summaries count: submitted, with an overall grade.
      if (measure.sectionKey === null)
        return db().$queryRaw<CountRow[]>`
          SELECT ca.audit_id,
                 count(*) FILTER (WHERE (ca.audit_id || '|' || ca.overall_grade) = ANY(${gradePairs})) AS count,
                 count(*) AS total
          FROM case_audit ca
          WHERE ca.audit_id = ANY(${auditIds}) AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
                ${filterSql(measure, 'ca')}
          GROUP BY ca.audit_id`;
      return db().$queryRaw<CountRow[]>`
        SELECT ca.audit_id,
               count(*) FILTER (WHERE (ca.audit_id || '|' || (sg.value->>'grade')) = ANY(${gradePairs})) AS count,
               count(*) AS total
        FROM case_audit ca CROSS JOIN LATERAL jsonb_each(ca.answers->'sections') sg
        WHERE ca.audit_id = ANY(${auditIds}) AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
              AND (ca.audit_id || '|' || sg.key) = ANY(${sectionPairs}) AND coalesce(sg.value->>'grade', '') <> ''
              ${filterSql(measure, 'ca')}
        GROUP BY ca.audit_id`;
  }
}

async function contents(audits: PublishedAudit[]): Promise<Map<string, RubricContent>> {
  const byVersion = new Map<string, RubricContent>();
  for (const versionId of new Set(audits.map((audit) => audit.thresholdVersionId)))
    byVersion.set(versionId, await contentOf(versionId));
  return byVersion;
}

/**
 * The counts of each measure over the published audits (of the measure's
 * kinds), with the names its filters stand for. The section and the words for
 * the counted grade are those of the baseline audit's threshold version
 * (without a baseline, of the latest published audit that grades the section).
 */
export async function loadMeasureSeries(measures: MeasureDefinition[]): Promise<MeasureSeriesData[]> {
  if (measures.length === 0) return [];
  const audits = await publishedAudits();
  const versions = await contents(audits);
  const [areas, teams] = await Promise.all([
    db().serviceArea.findMany({
      where: { id: { in: [...new Set(measures.flatMap((measure) => measure.serviceAreaIds))] } },
      select: { id: true, code: true },
    }),
    db().team.findMany({
      where: { id: { in: [...new Set(measures.flatMap((measure) => measure.teamIds))] } },
      select: { id: true, name: true },
    }),
  ]);
  const areaNames = Object.fromEntries(areas.map((area) => [area.id, area.code]));
  const teamNames = Object.fromEntries(teams.map((team) => [team.id, team.name]));
  const baselineVersions = await db().audit.findMany({
    where: {
      id: { in: measures.flatMap((measure) => (measure.baselineAuditId ? [measure.baselineAuditId] : [])) },
    },
    select: { id: true, thresholdVersionId: true },
  });

  return Promise.all(
    measures.map(async (measure) => {
      const inKind = audits.filter(
        (audit) => measure.auditKinds.length === 0 || measure.auditKinds.includes(audit.kind),
      );
      // Without a baseline, the latest audit that grades the section (or any, for the overall grade).
      const latestWithSection = inKind.findLast(
        (audit) =>
          !measure.sectionKey ||
          versions
            .get(audit.thresholdVersionId)
            ?.sections.some((candidate) => candidate.key === measure.sectionKey),
      );
      const referenceVersion =
        baselineVersions.find((audit) => audit.id === measure.baselineAuditId)?.thresholdVersionId ??
        latestWithSection?.thresholdVersionId ??
        null;
      const reference = referenceVersion
        ? (versions.get(referenceVersion) ?? (await contentOf(referenceVersion)))
        : null;
      const section = measure.sectionKey
        ? (reference?.sections.find((candidate) => candidate.key === measure.sectionKey) ?? null)
        : null;
      const gradePairs: string[] = [];
      const sectionPairs: string[] = [];
      for (const audit of inKind) {
        const content = versions.get(audit.thresholdVersionId);
        if (!content) continue;
        for (const key of countedGradeKeys(content.scale, measure.share))
          gradePairs.push(`${audit.id}|${key}`);
        if (measure.sectionKey) {
          const key = sectionKeyIn(content, measure.sectionKey, section?.replaces ?? []);
          if (key) sectionPairs.push(`${audit.id}|${key}`);
        }
      }
      const rows =
        inKind.length === 0
          ? []
          : await countRows(
              measure,
              inKind.map((audit) => audit.id),
              gradePairs,
              sectionPairs,
            );
      const byAudit = new Map(rows.map((row) => [row.audit_id, row]));
      const counts: MeasureCount[] = inKind.flatMap((audit) => {
        const row = byAudit.get(audit.id);
        const total = Number(row?.total ?? 0);
        if (total === 0) return [];
        return [
          {
            auditId: audit.id,
            auditName: audit.name,
            auditKind: audit.kind,
            windowTo: audit.windowTo,
            count: Number(row?.count ?? 0),
            total,
          },
        ];
      });
      const names: MeasureNames = {
        areas: areaNames,
        teams: teamNames,
        sectionTitle: section?.title ?? (measure.sectionKey ? measure.sectionKey : null),
        shareLabel: reference ? shareLabelOf(reference.scale, measure.share) : 'Good or above',
      };
      return { measureId: measure.id, names, counts };
    }),
  );
}

const MEASURE_SELECT = {
  id: true,
  recommendationId: true,
  label: true,
  sectionKey: true,
  share: true,
  auditKinds: true,
  lawTypes: true,
  serviceAreaIds: true,
  teamIds: true,
  employment: true,
  baselineAuditId: true,
  targetPercent: true,
  targetDirection: true,
  version: true,
} as const;

/** The measures of these recommendations, oldest first. */
export async function findMeasuresOf(recommendationIds: string[]): Promise<MeasureDefinition[]> {
  if (recommendationIds.length === 0) return [];
  return db().measure.findMany({
    where: { recommendationId: { in: recommendationIds } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: MEASURE_SELECT,
  });
}

/** One measure, or null. */
export async function getMeasure(measureId: string): Promise<MeasureDefinition | null> {
  return db().measure.findUnique({ where: { id: measureId }, select: MEASURE_SELECT });
}
