import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { isForeignKeyViolation } from '@/lib/db/errors';
import type { Actor } from '@/lib/domain/actor';
import { LAW_TYPES } from '@/lib/domain/audits';
import { RuleError } from '@/lib/domain/errors';
import { assertProgrammeSettings } from '@/lib/domain/local-draw';
import { inArea, NATIONAL } from '@/lib/domain/permissions';
import { translateAuditWriteError } from '../audits/translate-audit-write-error';
import { authorise } from '../authorise';

export type LocalProgrammeInput = {
  name: string;
  kind: 'LOCAL_QUALITY_IMPACT' | 'PERFORMANCE_BOARD';
  /** One area, or null for a national programme. */
  serviceAreaId: string | null;
  thresholdVersionId: string;
  windowFrom: string;
  windowTo: string;
  quota: number;
  moderationSharePercent: number;
  recentDays: number;
};

/**
 * A local programme is an audit of a local kind that runs continuously over
 * its period (grading open from the start: there is no sample to lock), and
 * its programme row: the monthly quota, the moderated share, "recent" work.
 * A Head of Practice sets one up for their own area; nationally, the Senior Service Manager.
 */
export async function createLocalProgramme(
  actor: Actor,
  input: LocalProgrammeInput,
  now: Date,
): Promise<{ id: string }> {
  authorise(actor, 'localProgramme.manage', input.serviceAreaId ? inArea(input.serviceAreaId) : NATIONAL);
  assertProgrammeSettings(input);
  try {
    return await db().$transaction(async (tx) => {
      const version = await tx.thresholdVersion.findUnique({
        where: { id: input.thresholdVersionId },
        select: { status: true },
      });
      if (version?.status !== 'PUBLISHED')
        throw new RuleError('Choose a published threshold version', 'thresholdVersionId');
      const areaIds = input.serviceAreaId
        ? [input.serviceAreaId]
        : (await tx.serviceArea.findMany({ select: { id: true } })).map((area) => area.id);
      const audit = await tx.audit.create({
        data: {
          name: input.name,
          kind: input.kind,
          purpose: 'Managers audit their own teams’ work each month (local quality and impact).',
          windowFrom: new Date(`${input.windowFrom}T00:00:00Z`),
          windowTo: new Date(`${input.windowTo}T00:00:00Z`),
          thresholdVersionId: input.thresholdVersionId,
          lawTypes: [...LAW_TYPES],
          leadId: actor.userId,
          status: 'GRADING',
          createdAt: now,
          serviceAreas: { create: areaIds.map((serviceAreaId) => ({ serviceAreaId })) },
        },
        select: { id: true },
      });
      await tx.localAuditProgramme.create({
        data: {
          auditId: audit.id,
          quotaPerManagerPerMonth: input.quota,
          moderationSharePercent: input.moderationSharePercent,
          recentDays: input.recentDays,
          createdAt: now,
        },
      });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: 'local-programme.created',
        entityType: 'audit',
        entityId: audit.id,
        detail: { ...input },
      });
      return audit;
    });
  } catch (error) {
    if (error instanceof RuleError) throw error;
    if (isForeignKeyViolation(error)) throw new RuleError('Choose the area from the list', 'serviceAreaId');
    translateAuditWriteError(error);
  }
}
