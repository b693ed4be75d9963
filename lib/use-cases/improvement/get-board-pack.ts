import 'server-only';
import {
  findBoardRecommendations,
  findLatestNationalAuditAsOf,
  findOverdueActions,
} from '@/lib/db/board-pack';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { countTeamShares } from '@/lib/db/team-shares';
import type { Actor } from '@/lib/domain/actor';
import { groupByStatus, overdueOn, type BoardPackView } from '@/lib/domain/board-pack';
import { outliersByArea, shareLabel, targetWords, teamFunnel } from '@/lib/domain/improvement-plan';
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
  const view: BoardPackView = {
    date: day,
    audit,
    byStatus: groupByStatus(
      recommendations.map((rec) => ({
        ...rec,
        measureSentences: rec.measures.map((measure) => {
          const target = targetWords(measure, 'of cases');
          return target ? `${measure.label} (target ${target})` : measure.label;
        }),
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
