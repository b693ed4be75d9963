import 'server-only';
import { lockCaseGrades } from '@/lib/db/benchmark-writes';
import { db } from '@/lib/db/client';
import { applyGrades } from '@/lib/db/grade-writer';
import { markModerationAgreed } from '@/lib/db/local-moderation-writes';
import { getModerationComparison } from '@/lib/db/local-moderations';
import type { Actor } from '@/lib/domain/actor';
import {
  agreedGrades,
  compareGradings,
  moderationProblems,
  withAgreedGrades,
} from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { reasonNotToAgree } from '@/lib/domain/local-moderation';
import { inArea } from '@/lib/domain/permissions';
import { authorise } from '../authorise';

/**
 * The Head of Practice records the agreed grade after comparing, as benchmark
 * moderation does (moderate-benchmark.ts): an agreed grade for each grade that
 * differs and a reason. The agreed grades become the case's grades (reports
 * count them), written by applyGrades with the history entry; the moderation
 * keeps both gradings, the case's history all three. A published audit's
 * grades are final, so it takes no agreement.
 */
export async function agreeModeration(
  actor: Actor,
  input: { moderationId: string; version: number; agreed: Record<string, string>; reason: string },
  now: Date,
): Promise<void> {
  const target = await getModerationComparison(input.moderationId);
  if (!target || !target.stored) throw new NotFoundOrForbiddenError('moderation.agree');
  authorise(actor, 'moderation.agree', inArea(target.serviceAreaId));
  const refusal = reasonNotToAgree(target);
  if (refusal) throw new RuleError(refusal);
  const { first, differences } = compareGradings(target.content, target.stored);
  const problems = moderationProblems(
    target.content.scale.levels.map((level) => level.key),
    differences,
    input.agreed,
    input.reason,
  );
  if (problems.length > 0) throw new RuleError(problems[0]!.message, problems[0]!.field);
  const agreed = agreedGrades(differences, input.agreed, first.overall);
  const reason = input.reason.trim();
  await db().$transaction(async (tx) => {
    const caseAuditId = await markModerationAgreed(tx, {
      moderationId: input.moderationId,
      version: input.version,
      agreed,
      reason,
      now,
    });
    const graded = await lockCaseGrades(tx, caseAuditId);
    const { answers, changes } = withAgreedGrades(graded.answers, graded.overallGrade, agreed);
    await applyGrades(tx, { actorId: actor.userId, now }, [
      {
        kind: 'change',
        caseAuditId,
        expectedVersion: graded.version,
        answers,
        overallGrade: agreed.overall,
        history: { event: 'moderated', reason, changes },
      },
    ]);
  });
}
