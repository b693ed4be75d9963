import 'server-only';
import { getDashboardRules } from '@/lib/db/dashboards';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { countQaOverview, latestQaSubmission } from '@/lib/db/qa-overview-counts';
import { buildQaOverview, qaOverviewPeriod, type QaOverview } from '@/lib/domain/qa-overview';

/**
 * For the `qa-overview` command and the benchmark, which run with no one
 * signed in: the national QA overview for a period (or the default period), or
 * null when a date is not a real date or the period ends before it starts.
 */
export async function getNationalQaOverview(
  asked: { from: string | null; to: string | null },
  today: string,
): Promise<QaOverview | null> {
  const latest = asked.from && asked.to ? null : await latestQaSubmission(null);
  const period = qaOverviewPeriod(asked, latest, today);
  if (!period) return null;
  const [counts, rules, areas] = await Promise.all([
    countQaOverview(period, null),
    getDashboardRules(),
    findServiceAreaOptions(),
  ]);
  return buildQaOverview({
    period,
    scope: { serviceAreaId: null, label: 'National' },
    counts,
    areas: areas.map((area) => ({ id: area.id, label: area.code })),
    rules,
  });
}
