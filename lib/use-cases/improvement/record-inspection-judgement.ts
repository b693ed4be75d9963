import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { findServiceAreaForJudgement, insertInspectionJudgement } from '@/lib/db/inspection-judgements';
import type { Actor } from '@/lib/domain/actor';
import { RuleError } from '@/lib/domain/errors';
import type { InspectionGrade } from '@/lib/domain/inspection';
import { inArea } from '@/lib/domain/permissions';
import { authorise } from '../authorise';

/** An inspection's judgement of one area on one date (seed 004); one per area and date. */
export async function recordInspectionJudgement(
  actor: Actor,
  input: {
    serviceAreaId: string;
    judgedOn: string;
    grade: InspectionGrade;
    inspectedBy: string;
    note: string;
  },
  now: Date,
): Promise<{ id: string }> {
  const judgedOn = new Date(`${input.judgedOn}T00:00:00Z`);
  if (judgedOn.getTime() > now.getTime())
    throw new RuleError('A judgement cannot be dated in the future', 'judgedOn');
  return db().$transaction(async (tx) => {
    const area = await findServiceAreaForJudgement(tx, input.serviceAreaId);
    if (!area) throw new RuleError('Choose a service area', 'serviceAreaId');
    authorise(actor, 'inspectionJudgement.record', inArea(area.id));
    const existing = await tx.areaInspectionJudgement.findUnique({
      where: { serviceAreaId_judgedOn: { serviceAreaId: area.id, judgedOn } },
      select: { id: true },
    });
    if (existing) {
      throw new RuleError(`${area.code} already has a judgement dated ${input.judgedOn}`, 'judgedOn');
    }
    const id = await insertInspectionJudgement(tx, {
      serviceAreaId: area.id,
      judgedOn,
      grade: input.grade,
      inspectedBy: input.inspectedBy,
      note: input.note,
      recordedById: actor.userId,
      recordedAt: now,
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'inspection-judgement.recorded',
      entityType: 'area_inspection_judgement',
      entityId: id,
      detail: {
        area: area.code,
        judgedOn: input.judgedOn,
        grade: input.grade,
        inspectedBy: input.inspectedBy,
      },
    });
    return { id };
  });
}
