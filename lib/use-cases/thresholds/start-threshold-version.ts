import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { asJson } from '@/lib/db/json';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { draftFromPrevious } from '@/lib/domain/rubric';
import { parseRubricContent } from '@/lib/schemas/rubric';

/** A new draft, copied from the latest published version. One draft at a time. */
export async function startThresholdVersion(
  actor: Actor,
  input: { documentId: string; label: string },
): Promise<{ versionId: string }> {
  authorise(actor, 'threshold.edit', NATIONAL);
  const actorId = actor.userId;
  return db().$transaction(async (tx) => {
    // Lock the document so two people cannot start two drafts at once.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM threshold_document WHERE id = ${input.documentId} FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundOrForbiddenError();
    const versions = await tx.thresholdVersion.findMany({
      where: { documentId: input.documentId },
      select: { id: true, number: true, status: true, content: true },
      orderBy: { number: 'desc' },
    });
    if (versions.some((version) => version.status === 'DRAFT'))
      throw new RuleError('This document already has a draft: edit or publish it first', 'documentId');
    const latest = versions.find((version) => version.status === 'PUBLISHED');
    if (!latest) throw new RuleError('Publish the first version before starting another', 'documentId');
    const created = await tx.thresholdVersion.create({
      data: {
        documentId: input.documentId,
        number: (versions[0]?.number ?? 0) + 1,
        label: input.label,
        previousVersionId: latest.id,
        content: asJson(draftFromPrevious(parseRubricContent(latest.content))),
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: 'threshold-version.started',
      entityType: 'threshold_version',
      entityId: created.id,
      detail: { documentId: input.documentId, from: latest.id, label: input.label },
    });
    return { versionId: created.id };
  });
}
