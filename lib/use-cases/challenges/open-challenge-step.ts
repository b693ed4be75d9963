import 'server-only';
import type { Tx } from '@/lib/db/client';
import { loadChallengeForUpdate, type ChallengeTarget } from '@/lib/db/challenges';
import type { Actor } from '@/lib/domain/actor';
import { assertGradesNotFinal, canSeeChallenge } from '@/lib/domain/challenges';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea, type Action } from '@/lib/domain/permissions';

/**
 * How every step after raising opens: the challenge, its case held until the
 * transaction ends; the actor may see it (challenge.view: an auditor only the
 * cases they graded) and take `action` in its own area, or it reads exactly like
 * a missing one; and its audit's grades are not yet final.
 */
export async function openChallengeStep(
  tx: Tx,
  actor: Actor,
  action: Action,
  challengeId: string,
): Promise<ChallengeTarget> {
  const challenge = await loadChallengeForUpdate(tx, challengeId);
  if (
    !challenge ||
    !canSeeChallenge(actor, challenge) ||
    !can(actor, action, inArea(challenge.serviceAreaId))
  )
    throw new NotFoundOrForbiddenError(action);
  assertGradesNotFinal(challenge.auditStatus);
  return challenge;
}
