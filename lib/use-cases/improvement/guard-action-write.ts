import 'server-only';
import { db } from '@/lib/db/client';
import {
  appendActionHistory,
  findActionHistorySince,
  getActionScope,
  lockAction,
  type ActionRow,
} from '@/lib/db/improvement-recommendations';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError, StaleVersionError } from '@/lib/domain/errors';
import {
  sourceScope,
  staleActionMessage,
  type EvidenceLink,
  type FieldChange,
} from '@/lib/domain/improvement';
import type { Action } from '@/lib/domain/permissions';
import type { Prisma } from '@/generated/prisma/client';
import { authorise } from '../authorise';

export type PlannedActionChange = {
  data: Prisma.ImprovementActionUpdateManyMutationInput;
  event: string;
  changes?: FieldChange[];
  text?: string;
  evidence?: EvidenceLink[];
};

const when = (value: Date) =>
  value.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/**
 * Every change to an action goes through here: authorise on its source's
 * scope, refuse a stale version naming what changed since, then the row and
 * its history row (at the new version) in one transaction.
 */
export async function guardActionWrite(
  actor: Actor,
  permission: Action,
  request: { actionId: string; version: number },
  now: Date,
  plan: (current: ActionRow) => Promise<PlannedActionChange> | PlannedActionChange,
): Promise<void> {
  const scope = await getActionScope(request.actionId);
  if (!scope) throw new NotFoundOrForbiddenError(permission);
  authorise(actor, permission, sourceScope(scope.sourceServiceAreaId));
  try {
    await db().$transaction(async (tx) => {
      const current = await lockAction(tx, request.actionId);
      if (!current) throw new NotFoundOrForbiddenError(permission);
      // Stale before any rule: a rule judged on someone else's newer state would mislead.
      if (current.version !== request.version) throw new StaleVersionError('action');
      const planned = await plan(current);
      const { count } = await tx.improvementAction.updateMany({
        where: { id: request.actionId, version: request.version },
        data: { ...planned.data, updatedAt: now, version: { increment: 1 } },
      });
      await assertVersionedUpdate(
        count,
        () => tx.improvementAction.findUnique({ where: { id: request.actionId }, select: { id: true } }),
        'action',
      );
      await appendActionHistory(tx, {
        actionId: request.actionId,
        actorId: actor.userId,
        occurredAt: now,
        event: planned.event,
        version: request.version + 1,
        changes: planned.changes,
        text: planned.text,
        evidence: planned.evidence,
      });
    });
  } catch (error) {
    if (error instanceof StaleVersionError) {
      const since = await findActionHistorySince(request.actionId, request.version);
      throw new RuleError(
        staleActionMessage(since.map((entry) => ({ ...entry, occurredAt: when(entry.occurredAt) }))),
      );
    }
    throw error;
  }
}
