import 'server-only';
import { findLatestAreaAudit, loadImprovementPlan } from '@/lib/db/improvement-plans';
import { findMeasuresOf, loadMeasureSeries } from '@/lib/db/measure-series';
import { countTeamShares } from '@/lib/db/team-shares';
import type { Actor } from '@/lib/domain/actor';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError, WithheldWhileBenchmarkingError } from '@/lib/domain/errors';
import {
  planActionView,
  shareLabel,
  teamFunnel,
  type ImprovementPlanView,
  type PlanMeasureView,
} from '@/lib/domain/improvement-plan';
import { assembleMeasure } from '@/lib/domain/measures';
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
 * measures (baseline → latest) and actions, the latest audit's figures for the
 * area, and a funnel plot of the area's teams for each measure on that audit.
 * Read by whoever may read the area's recommendations.
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
  const definitions = await findMeasuresOf(plan.recommendations.map((rec) => rec.id));
  const series = new Map((await loadMeasureSeries(definitions)).map((data) => [data.measureId, data]));

  const measureViews = new Map<string, PlanMeasureView[]>();
  for (const definition of definitions) {
    const data = series.get(definition.id);
    if (!data) continue;
    const measure = assembleMeasure(definition, data.names, data.counts);
    const label = shareLabel(definition, {
      goodLabel: data.names.shareLabel,
      lowestLabel: data.names.shareLabel,
      sectionTitle: data.names.sectionTitle,
    });
    // The funnel reads the audit the area's figures come from; hidden with them from a blind benchmarker.
    const funnel =
      latestAudit && areaReport
        ? teamFunnel(
            await countTeamShares({
              auditId: latestAudit.id,
              sectionKey: definition.sectionKey,
              share: definition.share,
              lawTypes: definition.lawTypes,
              employment: definition.employment,
            }),
            {
              serviceAreaId: plan.serviceAreaId,
              teamIds: definition.teamIds,
              shareLabel: label,
              minGroupSize: areaReport.smallGroups?.minGroupSize ?? null,
            },
          )
        : null;
    const views = measureViews.get(definition.recommendationId) ?? [];
    views.push({
      id: definition.id,
      label: definition.label,
      shareLabel: label,
      target: measure.target ? `${measure.target.text} ${data.names.shareLabel}` : null,
      sentence: measure.sentence,
      funnel,
    });
    measureViews.set(definition.recommendationId, views);
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
      priorities: plan.recommendations.map((rec) => ({
        id: rec.id,
        number: rec.number,
        text: rec.text,
        status: rec.status,
        ownerName: rec.ownerName,
        dueOn: rec.dueOn,
        measures: measureViews.get(rec.id) ?? [],
        actions: rec.actions.map((action) => planActionView(action, asOf)),
      })),
    },
    areaReport,
    withheld,
  };
}
