import 'server-only';
import { findUserNames, isActiveUser } from '@/lib/db/improvement-recommendations';
import type { Actor } from '@/lib/domain/actor';
import { RuleError } from '@/lib/domain/errors';
import { actionChanges } from '@/lib/domain/improvement';
import { guardActionWrite } from './guard-action-write';

/** What will be done, by whom, by when; the history row names each field that changed. */
export async function updateAction(
  actor: Actor,
  change: { actionId: string; version: number; description: string; ownerId: string; dueOn: string },
  now: Date,
): Promise<void> {
  await guardActionWrite(actor, 'recommendation.manage', change, now, async (current) => {
    const after = { description: change.description, ownerId: change.ownerId, dueOn: change.dueOn };
    if (after.ownerId !== current.ownerId && !(await isActiveUser(after.ownerId)))
      throw new RuleError('Choose an owner from the list', 'ownerId');
    const people = await findUserNames([current.ownerId, after.ownerId]);
    const changes = actionChanges(current, after, (id) => people.get(id) ?? 'Unknown');
    if (changes.length === 0) throw new RuleError('Nothing has changed: edit a field first', 'description');
    return {
      data: {
        description: after.description,
        ownerId: after.ownerId,
        dueOn: new Date(`${after.dueOn}T00:00:00Z`),
      },
      event: 'edited',
      changes,
    };
  });
}
