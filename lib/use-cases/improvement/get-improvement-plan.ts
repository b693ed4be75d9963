import 'server-only';
import { findLatestAreaAudit, loadImprovementPlan, type PlanMeasureRecord } from '@/lib/db/improvement-plans';
import { countTeamShares } from '@/lib/db/team-shares';
import type { Actor } from '@/lib/domain/actor';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError, WithheldWhileBenchmarkingError } from '@/lib/domain/errors';
import {
  planActionView,
  shareLabel,
  targetWords,
  teamFunnel,
  type ImprovementPlanView,
  type PlanMeasureView,
} from '@/lib/domain/improvement-plan';
import { inArea } from '@/lib/domain/permissions';
import type { AuditReport } from '@/lib/domain/report-view';
import { authorise } from '../authorise';
import { getAuditReport } from '../reports/get-audit-report';

export type ImprovementPlanPage = {
  plan: ImprovementPlanView;
  /** The latest audit's report for the plan's area (its Good / Met / Not Met), or null. */
  areaReport: AuditReport | null;
  /** The latest audit is hidden from this reader while they owe it a blind benchmark. */
  withheld: boolean;
};

/**
 * An area improvement plan's mid-year review: its priorities with their
 * measures and actions, the latest audit's figures for the area, and a funnel
 * plot of the area's teams for each measure. Read by whoever may read the
 * area's recommendations.
 */
export async function getImprovementPlan(
  actor: Actor,
  sourceId: string,
  now: Date,
): Promise<ImprovementPlanPage> {
  const plan = await loadImprovementPlan(sourceId);
  if (!plan) throw new NotFoundOrForbiddenError('recommendation.view');
  authorise(actor, 'recommendation.view', inArea(plan.serviceAreaId));
  const asOf = isoDay(now);
  const latestAudit = await findLatestAreaAudit(plan.serviceAreaId, plan.baselineAudit?.id ?? null);
  let areaReport: AuditReport | null = null;
  let withheld = false;
  if (latestAudit) {
    try {
      areaReport = await getAuditReport(actor, latestAudit.id, plan.serviceAreaId);
    } catch (error) {
      if (!(error instanceof WithheldWhileBenchmarkingError)) throw error;
      withheld = true;
    }
  }

  const measureView = async (measure: PlanMeasureRecord): Promise<PlanMeasureView> => {
    const labels = {
      goodLabel: areaReport?.groups.find((group) => group.isGoodOrAbove)?.label ?? 'Good',
      lowestLabel: areaReport?.lowestLabel ?? 'lowest grade',
      sectionTitle:
        areaReport?.sectionOptions.find((section) => section.key === measure.sectionKey)?.title ?? null,
    };
    const label = shareLabel(measure, labels);
    const funnel =
      latestAudit && areaReport
        ? teamFunnel(
            await countTeamShares({
              auditId: latestAudit.id,
              sectionKey: measure.sectionKey,
              share: measure.share,
              lawTypes: measure.lawTypes,
              employment: measure.employment,
            }),
            {
              serviceAreaId: plan.serviceAreaId,
              teamIds: measure.teamIds,
              shareLabel: label,
              minGroupSize: areaReport.smallGroups?.minGroupSize ?? null,
            },
          )
        : null;
    return {
      id: measure.id,
      label: measure.label,
      shareLabel: label,
      target: targetWords(measure, label),
      series: null,
      funnel,
    };
  };

  const priorities = [];
  for (const rec of plan.recommendations) {
    const measures = [];
    for (const measure of rec.measures) measures.push(await measureView(measure));
    priorities.push({
      id: rec.id,
      number: rec.number,
      text: rec.text,
      status: rec.status,
      ownerName: rec.ownerName,
      dueOn: rec.dueOn,
      measures,
      actions: rec.actions.map((action) => planActionView(action, asOf)),
    });
  }
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      serviceAreaId: plan.serviceAreaId,
      areaCode: plan.areaCode,
      areaName: plan.areaName,
      periodFrom: plan.periodFrom,
      periodTo: plan.periodTo,
      baselineAudit: plan.baselineAudit,
      latestAudit,
      asOf,
      priorities,
    },
    areaReport,
    withheld,
  };
}
