import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { getAuditForReport } from '@/lib/db/reports';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, StaleVersionError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';

export type NarrativeInput = {
  auditId: string;
  baseVersion: number;
  strengths: string;
  learning: string;
  conclusion: string;
  nextSteps: string;
};

/**
 * The audit lead's narrative sections, saved with the report. Versioned: an
 * edit made on an older version is refused, never silently overwritten.
 */
export async function saveNarrative(
  actor: Actor,
  input: NarrativeInput,
  now: Date,
): Promise<{ version: number }> {
  // The narrative is the national report's: the grant is national, whatever the audit.
  if (!can(actor, 'report.write', NATIONAL)) throw new NotFoundOrForbiddenError('report.write');
  if (!(await getAuditForReport(input.auditId))) throw new NotFoundOrForbiddenError();
  return db().$transaction(async (tx) => {
    const fields = {
      strengths: input.strengths,
      learning: input.learning,
      conclusion: input.conclusion,
      nextSteps: input.nextSteps,
    };
    let version: number;
    if (input.baseVersion === 0) {
      const created = await tx.$executeRaw`
        INSERT INTO audit_report (audit_id, strengths, learning, conclusion, next_steps, version, updated_at, updated_by_id)
        VALUES (${input.auditId}, ${fields.strengths}, ${fields.learning}, ${fields.conclusion}, ${fields.nextSteps}, 1, ${now}, ${actor.userId})
        ON CONFLICT (audit_id) DO NOTHING`;
      if (created !== 1) throw new StaleVersionError('report narrative');
      version = 1;
    } else {
      const { count } = await tx.auditReport.updateMany({
        where: { auditId: input.auditId, version: input.baseVersion },
        data: { ...fields, version: { increment: 1 }, updatedAt: now, updatedById: actor.userId },
      });
      if (count !== 1) throw new StaleVersionError('report narrative');
      version = input.baseVersion + 1;
    }
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'report.narrative.saved',
      entityType: 'audit',
      entityId: input.auditId,
      detail: { version, ...fields },
    });
    return { version };
  });
}
