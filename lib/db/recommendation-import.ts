import 'server-only';
import { db } from './client';
import { recordAuditEvent } from './audit-events';
import type {
  ImportedRecommendation,
  ImportedSource,
  RecommendationImportLookup,
} from '@/lib/domain/recommendation-import';

export async function recommendationImportLookup(): Promise<RecommendationImportLookup> {
  const [sources, areas, users] = await Promise.all([
    db().recommendationSource.findMany({ select: { id: true, title: true } }),
    db().serviceArea.findMany({ select: { id: true, code: true } }),
    db().user.findMany({ where: { isActive: true }, select: { id: true, email: true } }),
  ]);
  return {
    sourceIdByTitle: new Map(sources.map((source) => [source.title.toLowerCase(), source.id])),
    areaIdByCode: new Map(areas.map((area) => [area.code.toLowerCase(), area.id])),
    userIdByEmail: new Map(users.map((user) => [user.email.toLowerCase(), user.id])),
  };
}

export type RecommendationImportSummary = {
  sourcesCreated: number;
  recommendationsCreated: number;
  recommendationsUpdated: number;
  recommendationsUnchanged: number;
};

const day = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);
const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * All or nothing. New sources are created; a recommendation already under its
 * source (same number) is updated when it differs, so a second import of the
 * same file changes nothing.
 */
export async function commitRecommendationImport(
  actorId: string,
  sources: ImportedSource[],
  recommendations: ImportedRecommendation[],
): Promise<RecommendationImportSummary> {
  return db().$transaction(
    async (tx) => {
      for (const source of sources) {
        await tx.recommendationSource.create({
          data: { ...source, issuedOn: new Date(`${source.issuedOn}T00:00:00Z`), createdById: actorId },
        });
      }
      const titles = [...new Set(recommendations.map((row) => row.sourceTitle))];
      const found = await tx.recommendationSource.findMany({
        where: { title: { in: titles, mode: 'insensitive' } },
        select: { id: true, title: true },
      });
      const sourceIdByTitle = new Map(found.map((source) => [source.title.toLowerCase(), source.id]));
      const existing = await tx.recommendation.findMany({
        where: { sourceId: { in: found.map((source) => source.id) } },
        select: {
          id: true,
          sourceId: true,
          number: true,
          text: true,
          kind: true,
          serviceAreaIds: true,
          lawTypes: true,
          ownerId: true,
          dueOn: true,
        },
      });
      const byKey = new Map(existing.map((row) => [`${row.sourceId}\u0000${row.number.toLowerCase()}`, row]));
      const toCreate: (ImportedRecommendation & { sourceId: string })[] = [];
      let updated = 0;
      for (const row of recommendations) {
        const sourceId = sourceIdByTitle.get(row.sourceTitle.toLowerCase());
        if (!sourceId) throw new Error(`source vanished during import: ${row.sourceTitle}`);
        const current = byKey.get(`${sourceId}\u0000${row.number.toLowerCase()}`);
        if (!current) {
          toCreate.push({ ...row, sourceId });
          continue;
        }
        const changed =
          current.text !== row.text ||
          current.kind !== row.kind ||
          !same(current.serviceAreaIds, row.serviceAreaIds) ||
          !same(current.lawTypes, row.lawTypes) ||
          current.ownerId !== row.ownerId ||
          (current.dueOn?.toISOString().slice(0, 10) ?? null) !== row.dueOn;
        if (!changed) continue;
        updated += 1;
        await tx.recommendation.update({
          where: { id: current.id },
          data: {
            text: row.text,
            kind: row.kind,
            serviceAreaIds: row.serviceAreaIds,
            lawTypes: row.lawTypes,
            ownerId: row.ownerId,
            dueOn: day(row.dueOn),
            version: { increment: 1 },
          },
        });
      }
      if (toCreate.length > 0)
        await tx.recommendation.createMany({
          data: toCreate.map((row) => ({
            sourceId: row.sourceId,
            number: row.number,
            text: row.text,
            kind: row.kind,
            serviceAreaIds: row.serviceAreaIds,
            lawTypes: row.lawTypes,
            ownerId: row.ownerId,
            dueOn: day(row.dueOn),
          })),
        });
      const summary = {
        sourcesCreated: sources.length,
        recommendationsCreated: toCreate.length,
        recommendationsUpdated: updated,
        recommendationsUnchanged: recommendations.length - toCreate.length - updated,
      };
      if (summary.sourcesCreated + summary.recommendationsCreated + summary.recommendationsUpdated > 0)
        await recordAuditEvent(tx, {
          actorId,
          action: 'recommendation.imported',
          entityType: 'recommendation',
          entityId: 'import',
          detail: { ...summary, sources: sources.map((source) => source.title).slice(0, 100) },
        });
      return summary;
    },
    { timeout: 60_000 },
  );
}
