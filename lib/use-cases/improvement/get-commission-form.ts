import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { areaSampleSizes, commissionDefaults } from '@/lib/domain/measure-rules';
import { TARGET_DIRECTION_SYMBOLS } from '@/lib/domain/measures';
import type { CommissionForm } from '@/lib/domain/measure-views';
import { authorise } from '../authorise';
import { areaBaselines, areaCodes, latestThresholdVersionFor } from '@/lib/db/commission';
import { getMeasureRecommendation } from '@/lib/db/measures';
import { findMeasuresOf } from '@/lib/db/measure-series';
import { findServiceAreaOptions } from '@/lib/db/organisation';

/**
 * The commissioning form, pre-filled from the recommendation and one of its
 * measures (the one asked for, else the first with a target), with the sample
 * each area in scope needs to detect the measure's target change.
 */
export async function getCommissionForm(
  actor: Actor,
  recommendationId: string,
  measureId: string | null,
  today: string,
): Promise<CommissionForm> {
  authorise(actor, 'thematicAudit.commission', NATIONAL);
  const recommendation = await getMeasureRecommendation(recommendationId);
  if (!recommendation) throw new NotFoundOrForbiddenError('thematicAudit.commission');
  const measures = await findMeasuresOf([recommendation.id]);
  const measure =
    (measureId ? measures.find((candidate) => candidate.id === measureId) : undefined) ??
    measures.find((candidate) => candidate.targetPercent !== null) ??
    measures[0] ??
    null;
  const [latestVersion, allAreas] = await Promise.all([
    latestThresholdVersionFor(measure?.baselineAuditId ?? null),
    findServiceAreaOptions(),
  ]);
  const prefilled = commissionDefaults({
    recommendation,
    sourceTitle: recommendation.source.title,
    measure,
    allServiceAreaIds: allAreas.map((area) => area.id),
    latestThresholdVersionId: latestVersion,
    today,
  });
  // Whoever commissions it is named where the form has a place for them.
  const defaults = {
    ...prefilled,
    commissionedById: actor.role === 'NATIONAL_SERVICE_DIRECTOR' ? actor.userId : null,
    leadId: actor.role === 'SENIOR_SERVICE_MANAGER' ? actor.userId : null,
  };
  const [areas, baselines] = await Promise.all([
    areaCodes(defaults.serviceAreaIds),
    measure ? areaBaselines(measure, defaults.serviceAreaIds) : null,
  ]);
  const rows = areas.map((area) => ({
    serviceAreaId: area.id,
    code: area.code,
    baseline: baselines?.get(area.id) ?? null,
  }));
  return {
    recommendation: {
      id: recommendation.id,
      number: recommendation.number,
      text: recommendation.text,
      sourceTitle: recommendation.source.title,
      isOpen: recommendation.status === 'OPEN',
    },
    measures: measures.map((candidate) => ({ id: candidate.id, label: candidate.label })),
    measure: measure
      ? {
          id: measure.id,
          label: measure.label,
          targetText:
            measure.targetPercent === null
              ? null
              : `${TARGET_DIRECTION_SYMBOLS[measure.targetDirection]} ${measure.targetPercent}%`,
          lawTypes: measure.lawTypes,
        }
      : null,
    defaults,
    sampleSizes:
      measure && measure.targetPercent !== null
        ? areaSampleSizes(rows, { percent: measure.targetPercent, direction: measure.targetDirection })
        : [],
  };
}
