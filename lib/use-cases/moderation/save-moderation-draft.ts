import 'server-only';
import { saveModerationAnswers } from '@/lib/db/local-moderation-writes';
import { getModerationGrading } from '@/lib/db/local-moderations';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { normaliseAnswers, type GradingAnswers } from '@/lib/domain/grading';
import { reasonNotToGrade } from '@/lib/domain/local-moderation';
import { can, inArea } from '@/lib/domain/permissions';

/**
 * Autosave of the moderator's blind grading. A save over someone else's
 * (another tab, another device) is refused and answered with what they saved.
 */
export async function saveModerationDraft(
  actor: Actor,
  moderationId: string,
  baseVersion: number,
  answers: GradingAnswers,
  now: Date,
): Promise<
  | { saved: true; version: number; savedAt: Date }
  | { saved: false; currentVersion: number; answers: GradingAnswers; savedAt: Date }
> {
  const target = await getModerationGrading(moderationId);
  if (
    !target ||
    !can(actor, 'moderation.grade', inArea(target.serviceAreaId)) ||
    target.moderatorId !== actor.userId
  )
    throw new NotFoundOrForbiddenError('moderation.grade');
  const refusal = reasonNotToGrade(target.view.status);
  if (refusal) throw new RuleError(refusal);
  if (await saveModerationAnswers(moderationId, baseVersion, normaliseAnswers(target.view.content, answers)))
    return { saved: true, version: baseVersion + 1, savedAt: now };
  const current = await getModerationGrading(moderationId);
  if (!current) throw new NotFoundOrForbiddenError('moderation.grade');
  return { saved: false, currentVersion: current.view.version, answers: current.view.answers, savedAt: now };
}
