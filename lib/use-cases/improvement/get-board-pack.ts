import 'server-only';
import {
  findBoardRecommendations,
  findLatestNationalAuditAsOf,
  findOverdueActions,
} from '@/lib/db/board-pack';
import { findMeasuresOf, loadMeasureSeries } from '@/lib/db/measure-series';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { countTeamShares } from '@/lib/db/team-shares';
import type { Actor } from '@/lib/domain/actor';
import { groupByStatus, overdueOn, type BoardPackView } from '@/lib/domain/board-pack';
import { outliersByArea, shareLabel, teamFunnel } from '@/lib/domain/improvement-plan';
import { assembleMeasure, type MeasureView } from '@/lib/domain/measures';
import { NATIONAL } from '@/lib/domain/permissions';
import type { AuditReport } from '@/lib/domain/report-view';
import { authorise } from '../authorise';
import { getAuditReport } from '../reports/get-audit-report';

export type BoardPack = { view: BoardPackView; report: AuditReport | null };

/**
 * The board pack as things stood on `day` (yyyy-mm-dd): the latest national
 * audit published by then with its intervals, every recommendation by status
 * with its latest judgement by then, the actions overdue on that day, and the
 * teams outside the funnel limits in that audit, area by area.
 */
export async function getBoardPack(actor: Actor, day: string): Promise<BoardPack> {
  authorise(actor, 'boardPack.view', NATIONAL);
  const [audit, recommendations, overdue] = await Promise.all([
    findLatestNationalAuditAsOf(day),
    findBoardRecommendations(day),
    findOverdueActions(day),
  ]);
  const report = audit ? await getAuditReport(actor, audit.id, null) : null;
  const funnels = [];
  if (audit && report) {
    const labels = {
      goodLabel: report.groups.find((group) => group.isGoodOrAbove)?.label ?? 'Good',
      lowestLabel: report.lowestLabel,
      sectionTitle: null,
    };
    for (const share of ['GOOD_OR_ABOVE', 'LOWEST'] as const) {
      const spec = { sectionKey: null, share, lawTypes: [], employment: null };
      const shares = await countTeamShares({ auditId: audit.id, ...spec });
      funnels.push({
        shares,
        funnel: teamFunnel(shares, {
          serviceAreaId: null,
          shareLabel: shareLabel(spec, labels),
          minGroupSize: report.smallGroups?.minGroupSize ?? null,
        }),
      });
    }
  }
  const areas = await findServiceAreaOptions();
  // Each measure as it stood on the date: only audits whose window had closed by then.
  const definitions = await findMeasuresOf(recommendations.map((rec) => rec.id));
  const series = new Map((await loadMeasureSeries(definitions)).map((data) => [data.measureId, data]));
  const measuresOf = new Map<string, MeasureView[]>();
  for (const definition of definitions) {
    const data = series.get(definition.id);
    if (!data) continue;
    const counts = data.counts.filter((count) => count.windowTo <= day);
    const list = measuresOf.get(definition.recommendationId) ?? [];
    list.push(assembleMeasure(definition, data.names, counts));
    measuresOf.set(definition.recommendationId, list);
  }
  const view: BoardPackView = {
    date: day,
    audit,
    byStatus: groupByStatus(
      recommendations.map((rec) => ({
        ...rec,
        measureSentences: (measuresOf.get(rec.id) ?? []).map((measure) => measure.sentence),
      })),
    ),
    overdueActions: overdueOn(overdue, day),
    funnels: funnels.map((entry) => entry.funnel),
    outliers: funnels.map(({ funnel, shares }) => ({
      shareLabel: funnel.shareLabel,
      areas: outliersByArea(funnel, shares.teams, areas),
    })),
  };
  return { view, report };
}
