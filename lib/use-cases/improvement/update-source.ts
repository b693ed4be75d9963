import 'server-only';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { getSourceScope } from '@/lib/db/improvement-register';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { periodProblem, sourceAreaProblem, sourceScope } from '@/lib/domain/improvement';
import type { SourceFieldsInput } from '@/lib/schemas/improvement-register';
import { authorise } from '../authorise';
import { translateRegisterWriteError } from './translate-register-write-error';

/** Moving a source to another area moves everything under it: the editor must manage both. */
export async function updateSource(
  actor: Actor,
  change: SourceFieldsInput & { sourceId: string; version: number },
): Promise<void> {
  const { sourceId, version, ...fields } = change;
  const current = await getSourceScope(sourceId);
  if (!current) throw new NotFoundOrForbiddenError('recommendation.manage');
  authorise(actor, 'recommendation.manage', sourceScope(current.serviceAreaId));
  authorise(actor, 'recommendation.manage', sourceScope(fields.serviceAreaId));
  const areaProblem = sourceAreaProblem(fields.kind, fields.serviceAreaId);
  if (areaProblem) throw new RuleError(areaProblem, 'serviceAreaId');
  const period = periodProblem(fields.periodFrom, fields.periodTo);
  if (period) throw new RuleError(period, 'periodTo');
  const date = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);
  try {
    await db().$transaction(async (tx) => {
      const { count } = await tx.recommendationSource.updateMany({
        where: { id: sourceId, version },
        data: {
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
          version: { increment: 1 },
        },
      });
      await assertVersionedUpdate(
        count,
        () => tx.recommendationSource.findUnique({ where: { id: sourceId }, select: { id: true } }),
        'source',
      );
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: 'recommendationSource.updated',
        entityType: 'recommendation_source',
        entityId: sourceId,
        detail: { ...fields },
      });
    });
  } catch (error) {
    translateRegisterWriteError(error, 'source');
  }
}
