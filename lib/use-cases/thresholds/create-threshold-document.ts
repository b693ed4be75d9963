import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { asJson } from '@/lib/db/json';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { isUniqueViolation } from '@/lib/db/errors';
import { RuleError } from '@/lib/domain/errors';
import { type RubricContent } from '@/lib/domain/rubric';

export async function createThresholdDocument(
  actor: Actor,
  input: { name: string; label: string; content: RubricContent },
): Promise<{ documentId: string; versionId: string }> {
  authorise(actor, 'threshold.edit', NATIONAL);
  const actorId = actor.userId;
  try {
    return await db().$transaction(async (tx) => {
      const document = await tx.thresholdDocument.create({
        data: { name: input.name },
        select: { id: true },
      });
      const version = await tx.thresholdVersion.create({
        data: { documentId: document.id, number: 1, label: input.label, content: asJson(input.content) },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId,
        action: 'threshold-document.created',
        entityType: 'threshold_document',
        entityId: document.id,
        detail: { name: input.name, label: input.label },
      });
      return { documentId: document.id, versionId: version.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RuleError('A threshold document with that name already exists', 'name');
    throw error;
  }
}
