import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { asJson } from '@/lib/db/json';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { type RubricContent } from '@/lib/domain/rubric';

export async function saveThresholdDraft(
  actor: Actor,
  input: { versionId: string; version: number; label: string; content: RubricContent },
): Promise<{ version: number }> {
  authorise(actor, 'threshold.edit', NATIONAL);
  const actorId = actor.userId;
  return db().$transaction(async (tx) => {
    const current = await tx.thresholdVersion.findUnique({
      where: { id: input.versionId },
      select: { status: true },
    });
    if (!current) throw new NotFoundOrForbiddenError();
    if (current.status !== 'DRAFT')
      throw new RuleError('This version is published and cannot change. Start a new version instead.');
    const { count } = await tx.thresholdVersion.updateMany({
      where: { id: input.versionId, version: input.version, status: 'DRAFT' },
      data: { label: input.label, content: asJson(input.content), version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.thresholdVersion.findUnique({ where: { id: input.versionId }, select: { id: true } }),
      'threshold version',
    );
    await recordAuditEvent(tx, {
      actorId,
      action: 'threshold-version.draft-saved',
      entityType: 'threshold_version',
      entityId: input.versionId,
      detail: { label: input.label, sections: input.content.sections.length },
    });
    return { version: input.version + 1 };
  });
}
