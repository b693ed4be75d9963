import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { RuleError } from '@/lib/domain/errors';
import { actionStatusProblem, type ActionStatus } from '@/lib/domain/improvement';
import { guardActionWrite } from './guard-action-write';

/** Not started, in progress, done, or dropped with a reason (the page asks before dropping). */
export async function changeActionStatus(
  actor: Actor,
  change: { actionId: string; version: number; status: ActionStatus; droppedReason?: string },
  now: Date,
): Promise<void> {
  const reason = change.status === 'DROPPED' ? (change.droppedReason ?? '').trim() : null;
  await guardActionWrite(actor, 'improvementAction.update', change, now, (current) => {
    const problem = actionStatusProblem(current.status, change.status, reason);
    if (problem) throw new RuleError(problem.message, problem.field);
    return {
      data: { status: change.status, droppedReason: reason },
      event: 'status-changed',
      changes: [
        { field: 'status', from: current.status, to: change.status },
        ...(reason ? [{ field: 'droppedReason', from: current.droppedReason ?? '', to: reason }] : []),
      ],
      text: reason ?? '',
    };
  });
}
