import 'server-only';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import type { Actor } from '@/lib/domain/actor';
import { RuleError } from '@/lib/domain/errors';
import { periodProblem, sourceAreaProblem, sourceScope } from '@/lib/domain/improvement';
import type { SourceFieldsInput } from '@/lib/schemas/improvement-register';
import { authorise } from '../authorise';
import { translateRegisterWriteError } from './translate-register-write-error';

/** A national source for the national leads; a Head of Service's own area's, such as its improvement plan. */
export async function createSource(actor: Actor, fields: SourceFieldsInput): Promise<{ sourceId: string }> {
  authorise(actor, 'recommendation.manage', sourceScope(fields.serviceAreaId));
  const areaProblem = sourceAreaProblem(fields.kind, fields.serviceAreaId);
  if (areaProblem) throw new RuleError(areaProblem, 'serviceAreaId');
  const period = periodProblem(fields.periodFrom, fields.periodTo);
  if (period) throw new RuleError(period, 'periodTo');
  try {
    return await db().$transaction(async (tx) => {
      const source = await tx.recommendationSource.create({
        data: {
          ...sourceColumns(fields),
          createdById: actor.userId,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: 'recommendationSource.created',
        entityType: 'recommendation_source',
        entityId: source.id,
        detail: { ...fields },
      });
      return { sourceId: source.id };
    });
  } catch (error) {
    translateRegisterWriteError(error, 'source');
  }
}

function sourceColumns(fields: SourceFieldsInput) {
  const date = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);
  return {
    title: fields.title,
    kind: fields.kind,
    issuedBy: fields.issuedBy,
    issuedOn: new Date(`${fields.issuedOn}T00:00:00Z`),
    document: fields.document,
    scale: fields.scale,
    serviceAreaId: fields.serviceAreaId,
    auditId: fields.auditId,
    periodFrom: date(fields.periodFrom),
    periodTo: date(fields.periodTo),
  };
}
