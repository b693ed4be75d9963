import 'server-only';
import { findInspectionJudgements as loadJudgements } from '@/lib/db/inspection-judgements';
import type { Actor } from '@/lib/domain/actor';
import {
  DEFAULT_TARGETS,
  inspectionDisagreement,
  type InspectionJudgementView,
} from '@/lib/domain/inspection';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));

/**
 * Judgements beside the area's audit figures, for one area or (null) every
 * area the actor may read. Read like an area dashboard: every area for the
 * national roles, their own for a Head of Service or Assistant Director.
 */
export async function findInspectionJudgements(
  actor: Actor,
  serviceAreaId: string | null,
): Promise<InspectionJudgementView[]> {
  let scope: string | null = serviceAreaId;
  if (serviceAreaId !== null) {
    authorise(actor, 'dashboard.area', inArea(serviceAreaId));
  } else if (!can(actor, 'dashboard.area', NATIONAL)) {
    const ownArea = actor.serviceAreaId;
    authorise(actor, 'dashboard.area', ownArea === null ? NATIONAL : inArea(ownArea));
    scope = ownArea;
  }
  const rows = await loadJudgements(scope);
  return rows.map((row) => {
    const figures = row.audit
      ? {
          auditName: row.audit.name,
          cases: row.audit.cases,
          goodOrAbove: row.audit.goodOrAbove,
          lowest: row.audit.lowest,
          targets: {
            goodOrAbove: row.audit.goodOrAboveTarget ?? DEFAULT_TARGETS.goodOrAbove,
            lowest: row.audit.lowestTarget ?? DEFAULT_TARGETS.lowest,
          },
        }
      : null;
    return {
      id: row.id,
      areaCode: row.areaCode,
      judgedOn: row.judgedOn,
      grade: row.grade,
      inspectedBy: row.inspectedBy,
      note: row.note,
      recordedByName: row.recordedByName,
      audit: row.audit
        ? {
            name: row.audit.name,
            cases: row.audit.cases,
            goodPercent: percent(row.audit.goodOrAbove, row.audit.cases),
            lowestPercent: percent(row.audit.lowest, row.audit.cases),
          }
        : null,
      disagreement: inspectionDisagreement(row.grade, figures),
    };
  });
}
