import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { publishProblems } from '@/lib/domain/rubric';
import { parseRubricContent } from '@/lib/schemas/rubric';

/** Publishes when complete; otherwise returns every reason it is not. */
export async function publishThresholdVersion(
  actor: Actor,
  input: { versionId: string; version: number },
  now: Date,
): Promise<{ published: true } | { published: false; problems: string[] }> {
  authorise(actor, 'threshold.edit', NATIONAL);
  const actorId = actor.userId;
  return db().$transaction(async (tx) => {
    const row = await tx.thresholdVersion.findUnique({
      where: { id: input.versionId },
      select: { status: true, content: true, previousVersion: { select: { content: true } } },
    });
    if (!row) throw new NotFoundOrForbiddenError();
    if (row.status === 'PUBLISHED') throw new RuleError('This version is already published.');
    const problems = publishProblems(
      parseRubricContent(row.content),
      row.previousVersion ? parseRubricContent(row.previousVersion.content) : null,
    );
    if (problems.length > 0) return { published: false, problems };
    const { count } = await tx.thresholdVersion.updateMany({
      where: { id: input.versionId, version: input.version, status: 'DRAFT' },
      data: { status: 'PUBLISHED', publishedAt: now, publishedById: actorId, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.thresholdVersion.findUnique({ where: { id: input.versionId }, select: { id: true } }),
      'threshold version',
    );
    await recordAuditEvent(tx, {
      actorId,
      action: 'threshold-version.published',
      entityType: 'threshold_version',
      entityId: input.versionId,
      detail: {},
    });
    return { published: true };
  });
}
