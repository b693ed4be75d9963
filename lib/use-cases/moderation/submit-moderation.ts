import 'server-only';
import { markModerationAgreed, markModerationSubmitted } from '@/lib/db/local-moderation-writes';
import { getModerationGrading } from '@/lib/db/local-moderations';
import { db } from '@/lib/db/client';
import { applyGrades } from '@/lib/db/grade-writer';
import type { Actor } from '@/lib/domain/actor';
import { compareGradings } from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import {
  completenessProblems,
  normaliseAnswers,
  type GradingAnswers,
  type Problem,
} from '@/lib/domain/grading';
import { GRADINGS_AGREE_REASON, hasModeratorGraded } from '@/lib/domain/local-moderation';
import { can, inArea } from '@/lib/domain/permissions';

export type ModerationSubmit =
  { submitted: true; version: number; sentForAreaReview: false } | { submitted: false; problems: Problem[] };

/**
 * The moderator's blind grades, submitted once (a retry after success is
 * answered as a success). The case's history notes the moderator's grade
 * beside the manager's; the case's own grades do not change. Where the two
 * gradings agree on every grade there is nothing to settle, so the
 * moderation is agreed at once with the grades both gave.
 */
export async function submitModeration(
  actor: Actor,
  input: { moderationId: string; baseVersion: number; answers: GradingAnswers },
  now: Date,
): Promise<ModerationSubmit> {
  const target = await getModerationGrading(input.moderationId);
  if (
    !target ||
    !can(actor, 'moderation.grade', inArea(target.serviceAreaId)) ||
    target.moderatorId !== actor.userId
  )
    throw new NotFoundOrForbiddenError('moderation.grade');
  const moderation = target.view;
  if (hasModeratorGraded(moderation.status))
    return { submitted: true, version: moderation.version, sentForAreaReview: false };
  const answers = normaliseAnswers(moderation.content, input.answers);
  const problems = completenessProblems(moderation.content, answers, {
    isEitWorkToFirstHearing: moderation.isEit && moderation.lawType === 'PRIVATE_LAW_WTFH',
  });
  if (problems.length > 0) return { submitted: false, problems };
  return db().$transaction(async (tx) => {
    const row = await markModerationSubmitted(tx, { ...input, answers, now });
    let version = input.baseVersion + 1;
    const { differences } = compareGradings(moderation.content, {
      firstOverallGrade: row.firstOverallGrade,
      firstSectionGrades: row.firstSectionGrades,
      overallGrade: answers.overallGrade,
      answers,
    });
    if (differences.length === 0) {
      await markModerationAgreed(tx, {
        moderationId: input.moderationId,
        version,
        agreed: { overall: answers.overallGrade, sections: {} },
        reason: GRADINGS_AGREE_REASON,
        now,
      });
      version += 1;
    }
    // The history keeps all three grades: the manager's, the moderator's, and any agreed one.
    await applyGrades(tx, { actorId: actor.userId, now }, [
      {
        kind: 'note',
        caseAuditId: row.caseAuditId,
        overallGrade: answers.overallGrade,
        history: {
          event: 'moderation-graded',
          reason: 'Blind moderation by the Head of Practice',
          changes: [{ field: 'overallGrade', from: row.firstOverallGrade, to: answers.overallGrade ?? '' }],
        },
      },
    ]);
    return { submitted: true as const, version, sentForAreaReview: false as const };
  });
}
