import 'server-only';
import { getModerationGrading, type ModerationCase } from '@/lib/db/local-moderations';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';

export type { ModerationCase };

/**
 * What the moderator sees while grading: the case and their own answers,
 * never the manager's grades. Only its moderator, a Head of Practice of the
 * case's area, may open it.
 */
export async function getModerationCase(actor: Actor, moderationId: string): Promise<ModerationCase> {
  const target = await getModerationGrading(moderationId);
  if (
    !target ||
    !can(actor, 'moderation.grade', inArea(target.serviceAreaId)) ||
    target.moderatorId !== actor.userId
  )
    throw new NotFoundOrForbiddenError('moderation.grade');
  return target.view;
}
