import 'server-only';
import { publishedAudits } from '@/lib/db/dashboards';
import type { Actor } from '@/lib/domain/actor';
import { AUDIT_KINDS, type AuditKind } from '@/lib/domain/audits';
import type { GroupShare } from '@/lib/domain/dashboard';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { getTrend } from '@/lib/use-cases/dashboards/get-trend';

export type PublishedHeadline = {
  id: string;
  name: string;
  kind: AuditKind;
  good: GroupShare | null;
  lowest: GroupShare | null;
  goodTarget: number | null;
  lowestTarget: number | null;
};

/**
 * Published audits, newest first, with their national headline figures: the
 * same summaries and small-group rules as the national dashboard, so home and
 * dashboard cannot disagree.
 */
export async function findPublishedHeadlines(actor: Actor): Promise<PublishedHeadline[]> {
  if (!can(actor, 'dashboard.national', NATIONAL)) return [];
  const headlines = await Promise.all(
    AUDIT_KINDS.map(async (kind) => {
      const filters = { kind, from: null, to: null, lawType: null };
      const audits = await publishedAudits(filters);
      if (audits.length === 0) return [];
      const figures = await getTrend(actor, { level: 'national' }, filters);
      const good = figures.good.find((series) => series.key === 'all');
      const lowest = figures.lowest.find((series) => series.key === 'all');
      return audits.map((audit): PublishedHeadline & { windowTo: string } => {
        const index = figures.audits.findIndex((entry) => entry.auditId === audit.auditId);
        return {
          id: audit.auditId,
          name: audit.name,
          kind,
          windowTo: audit.windowTo,
          good: good?.points[index] ?? null,
          lowest: lowest?.points[index] ?? null,
          goodTarget: audit.goodOrAboveTarget,
          lowestTarget: audit.lowestTarget,
        };
      });
    }),
  );
  return headlines
    .flat()
    .sort((a, b) =>
      a.windowTo < b.windowTo ? 1 : a.windowTo > b.windowTo ? -1 : a.name.localeCompare(b.name),
    )
    .map(({ windowTo: _windowTo, ...headline }) => headline);
}
