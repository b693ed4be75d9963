import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { areaSampleSizes, checkDrawnSample } from '@/lib/domain/measure-rules';
import { TARGET_DIRECTION_SYMBOLS } from '@/lib/domain/measures';
import type { CommissionedSample } from '@/lib/domain/measure-views';
import {
  areaBaselines,
  areaCodes,
  auditCoverage,
  drawnCasesByArea,
  findCommissionsOf,
} from '@/lib/db/commission';
import { getMeasureRecommendation } from '@/lib/db/measures';
import { getMeasure } from '@/lib/db/measure-series';

/**
 * For an audit commissioned from recommendations: what it tests and, per
 * area, whether the drawn sample can tell the target change from chance.
 * Shown to those who run or commission samples; empty for anyone else and
 * for audits nobody commissioned from a recommendation.
 */
export async function getCommissionedSample(actor: Actor, auditId: string): Promise<CommissionedSample[]> {
  if (!can(actor, 'sample.view', NATIONAL) && !can(actor, 'thematicAudit.commission', NATIONAL)) return [];
  const [commissions, coverage] = await Promise.all([findCommissionsOf(auditId), auditCoverage(auditId)]);
  if (commissions.length === 0 || !coverage) return [];
  const areas = await areaCodes(coverage.serviceAreaIds);
  return Promise.all(
    commissions.map(async (commission) => {
      const [recommendation, measure] = await Promise.all([
        getMeasureRecommendation(commission.recommendationId),
        commission.measureId ? getMeasure(commission.measureId) : null,
      ]);
      const lawTypes = measure?.lawTypes.length ? measure.lawTypes : coverage.lawTypes;
      const [baselines, drawn] = await Promise.all([
        measure ? areaBaselines(measure, coverage.serviceAreaIds) : null,
        drawnCasesByArea(auditId, lawTypes),
      ]);
      const target =
        measure && measure.targetPercent !== null
          ? { percent: measure.targetPercent, direction: measure.targetDirection }
          : null;
      const sizes = target
        ? areaSampleSizes(
            areas.map((area) => ({
              serviceAreaId: area.id,
              code: area.code,
              baseline: baselines?.get(area.id) ?? null,
            })),
            target,
          )
        : [];
      const checks = checkDrawnSample(sizes, drawn, target);
      return {
        recommendation: {
          id: commission.recommendationId,
          number: recommendation?.number ?? '',
          text: recommendation?.text ?? '',
          sourceTitle: recommendation?.source.title ?? '',
        },
        measure: measure
          ? {
              label: measure.label,
              targetText:
                measure.targetPercent === null
                  ? null
                  : `${TARGET_DIRECTION_SYMBOLS[measure.targetDirection]} ${measure.targetPercent}%`,
            }
          : null,
        checks,
        anyTooSmall: checks.some((check) => check.tooSmall),
        sampleDrawn: Object.keys(drawn).length > 0,
      };
    }),
  );
}
