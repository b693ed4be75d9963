import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db, type Tx } from './client';
import { assertVersionedUpdate } from './versioned';
import type { AgreedGrades } from '@/lib/domain/benchmarking';
import type { GradingAnswers } from '@/lib/domain/grading';
import { UNSUBMITTED_MODERATION_STATUSES } from '@/lib/domain/local-moderation';

// The versioned writes of moderation. A case's own grades and history are
// written by applyGrades (grade-writer.ts), in the caller's transaction.

const asJson = (value: unknown) => value as Prisma.InputJsonValue;
const UNSUBMITTED = { in: [...UNSUBMITTED_MODERATION_STATUSES] };

const stillThere = (tx: Tx, moderationId: string) => () =>
  tx.localModeration.findUnique({ where: { id: moderationId }, select: { id: true } });

/** The moderator's working answers, if nobody saved since `baseVersion`; false when someone did. */
export async function saveModerationAnswers(
  moderationId: string,
  baseVersion: number,
  answers: GradingAnswers,
): Promise<boolean> {
  const { count } = await db().localModeration.updateMany({
    where: { id: moderationId, version: baseVersion, status: UNSUBMITTED },
    data: { answers: asJson(answers), status: 'IN_PROGRESS', version: { increment: 1 } },
  });
  return count === 1;
}

/** Records the moderator's grades as submitted; a stale version is refused. Returns the manager's grades. */
export async function markModerationSubmitted(
  tx: Tx,
  input: { moderationId: string; baseVersion: number; answers: GradingAnswers; now: Date },
): Promise<{
  caseAuditId: string;
  firstOverallGrade: string;
  firstSectionGrades: Record<string, string | null>;
}> {
  const { count } = await tx.localModeration.updateMany({
    where: { id: input.moderationId, version: input.baseVersion, status: UNSUBMITTED },
    data: {
      answers: asJson(input.answers),
      overallGrade: input.answers.overallGrade,
      status: 'SUBMITTED',
      submittedAt: input.now,
      version: { increment: 1 },
    },
  });
  await assertVersionedUpdate(count, stillThere(tx, input.moderationId), 'moderation');
  const row = await tx.localModeration.findUniqueOrThrow({
    where: { id: input.moderationId },
    select: { caseAuditId: true, firstOverallGrade: true, firstSectionGrades: true },
  });
  return { ...row, firstSectionGrades: row.firstSectionGrades as Record<string, string | null> };
}

/** Records the agreed grades on a submitted moderation; a stale version is refused. Returns its case audit. */
export async function markModerationAgreed(
  tx: Tx,
  input: { moderationId: string; version: number; agreed: AgreedGrades; reason: string; now: Date },
): Promise<string> {
  const { count } = await tx.localModeration.updateMany({
    where: { id: input.moderationId, version: input.version, status: 'SUBMITTED' },
    data: {
      status: 'MODERATED',
      agreedOverallGrade: input.agreed.overall,
      agreedSectionGrades: asJson(input.agreed.sections),
      agreedReason: input.reason,
      agreedAt: input.now,
      version: { increment: 1 },
    },
  });
  await assertVersionedUpdate(count, stillThere(tx, input.moderationId), 'moderation');
  const { caseAuditId } = await tx.localModeration.findUniqueOrThrow({
    where: { id: input.moderationId },
    select: { caseAuditId: true },
  });
  return caseAuditId;
}
