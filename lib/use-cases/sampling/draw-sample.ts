import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { findFiledWork, getSamplingContext } from '@/lib/db/sampling';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { assertMayDraw, SAMPLE_LOCKED } from '@/lib/domain/sample-rules';
import {
  drawSample as drawFromPopulation,
  type Sample,
  type SamplingParameters,
} from '@/lib/domain/sampling';

/**
 * Draws (or redraws, until locked) the audit's sample and stores it with its
 * seed and parameters. An audit's sample spans its areas: it is the lead's, nationally.
 */
export async function drawSample(
  actor: Actor,
  request: { auditId: string; seed: string; sharePercent: number },
  now: Date,
): Promise<{ selected: number; reserve: number; areas: number }> {
  const { auditId } = request;
  const context = await getSamplingContext(auditId);
  if (!context || !can(actor, 'sample.manage', NATIONAL)) throw new NotFoundOrForbiddenError('sample.manage');
  assertMayDraw(context.status, context.sample?.lockedAt ?? null);
  const parameters: SamplingParameters = {
    seed: request.seed,
    sharePercent: request.sharePercent,
    windowFrom: context.windowFrom,
    windowTo: context.windowTo,
    lawTypes: context.lawTypes,
    serviceAreaIds: context.serviceAreaIds,
  };
  const sample = drawFromPopulation(await findFiledWork(context), parameters);
  const rows = sampleRows(auditId, sample);
  await db().$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<
        { locked_at: Date | null }[]
      >`SELECT locked_at FROM audit_sample WHERE audit_id = ${auditId} FOR UPDATE`;
      if (locked[0]?.locked_at) throw new RuleError(SAMPLE_LOCKED);
      await tx.sampledCase.deleteMany({ where: { auditId } });
      await tx.auditSample.upsert({
        where: { auditId },
        create: {
          auditId,
          seed: request.seed,
          sharePercent: request.sharePercent,
          parameters,
          drawnAt: now,
          drawnById: actor.userId,
        },
        update: {
          seed: request.seed,
          sharePercent: request.sharePercent,
          parameters,
          drawnAt: now,
          drawnById: actor.userId,
          version: { increment: 1 },
        },
      });
      await tx.sampledCase.createMany({ data: rows });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: 'sample.drawn',
        entityType: 'audit',
        entityId: auditId,
        detail: { ...parameters, cases: rows.length },
      });
    },
    { timeout: 120_000 },
  );
  return {
    selected: rows.filter((row) => row.status === 'SELECTED').length,
    reserve: rows.filter((row) => row.status === 'RESERVE').length,
    areas: sample.areas.length,
  };
}

function sampleRows(auditId: string, sample: Sample) {
  return sample.areas.flatMap((area) =>
    area.strata.flatMap((stratum) => [
      ...stratum.selected.map((case_) => ({
        auditId,
        caseFileId: case_.caseFileId,
        practitionerId: case_.practitionerId,
        serviceAreaId: area.serviceAreaId,
        stratumKey: stratum.key,
        status: 'SELECTED' as const,
        reserveRank: null,
      })),
      ...stratum.reserve.map((case_, rank) => ({
        auditId,
        caseFileId: case_.caseFileId,
        practitionerId: case_.practitionerId,
        serviceAreaId: area.serviceAreaId,
        stratumKey: stratum.key,
        status: 'RESERVE' as const,
        reserveRank: rank + 1,
      })),
    ]),
  );
}
