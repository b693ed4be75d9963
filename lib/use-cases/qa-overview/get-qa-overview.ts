import 'server-only';
import { getDashboardRules } from '@/lib/db/dashboards';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { countQaOverview, latestQaSubmission } from '@/lib/db/qa-overview-counts';
import type { Actor } from '@/lib/domain/actor';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { buildQaOverview, qaOverviewPeriod, type QaOverview } from '@/lib/domain/qa-overview';
import { authorise } from '../authorise';

/**
 * Seed 003's QA overview for a period, nationally or for one area. National
 * readers choose any area or none; a Head of Service, Assistant Director or
 * Head of Practice sees their own area (asking for the nation gives them
 * theirs, asking for another area is refused like a missing one). Without
 * dates, the financial year of the latest submitted audit, to that month's end.
 */
export async function getQaOverview(
  actor: Actor,
  asked: { from: string | null; to: string | null; areaId: string | null },
  today: string,
): Promise<QaOverview> {
  let serviceAreaId = asked.areaId;
  if (serviceAreaId === null && !can(actor, 'qaOverview.view', NATIONAL)) serviceAreaId = actor.serviceAreaId;
  authorise(actor, 'qaOverview.view', serviceAreaId === null ? NATIONAL : inArea(serviceAreaId));
  // Only a period left open needs the latest audit's date.
  const latest = asked.from && asked.to ? null : await latestQaSubmission(serviceAreaId);
  const period =
    qaOverviewPeriod(asked, latest, today) ?? qaOverviewPeriod({ from: null, to: null }, latest, today);
  if (!period) throw new Error('QA overview: no period');
  const [counts, rules, areas] = await Promise.all([
    countQaOverview(period, serviceAreaId),
    getDashboardRules(),
    findServiceAreaOptions(),
  ]);
  const shown = serviceAreaId === null ? areas : areas.filter((area) => area.id === serviceAreaId);
  return buildQaOverview({
    period,
    scope: { serviceAreaId, label: shown[0] && serviceAreaId !== null ? shown[0].code : 'National' },
    counts,
    areas: shown.map((area) => ({ id: area.id, label: area.code })),
    rules,
  });
}
