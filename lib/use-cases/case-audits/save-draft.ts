import 'server-only';
import { contentOf } from '@/lib/db/case-audits';
import { createDraft, getCurrentDraft, loadDraftTarget, updateDraft } from '@/lib/db/drafts';
import type { Actor } from '@/lib/domain/actor';
import { ALREADY_SUBMITTED, assertGradable } from '@/lib/domain/case-audit-rules';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { normaliseAnswers, type GradingAnswers } from '@/lib/domain/grading';
import { mayGradeCase } from '@/lib/domain/grading-access';
import { GradingAnswersSchema } from '@/lib/schemas/grading';

export type DraftSaveResult =
  | { saved: true; version: number; savedAt: Date }
  | {
      saved: false;
      conflict: { currentVersion: number; yourVersion: number; savedAt: Date; answers: GradingAnswers };
    };

/**
 * Saves the working answers if nobody saved since `baseVersion` (0: never
 * saved). A stale save is refused and answered with the newer version.
 * Only the auditor the case is assigned to saves, while the audit is open.
 */
export async function saveDraft(
  actor: Actor,
  input: { sampledCaseId: string; baseVersion: number; answers: GradingAnswers },
  now: Date,
): Promise<DraftSaveResult> {
  const { sampledCaseId, baseVersion } = input;
  const target = await loadDraftTarget(sampledCaseId);
  if (!target || !mayGradeCase(actor, { ...target, auditKind: target.audit.kind }))
    throw new NotFoundOrForbiddenError('caseAudit.grade');
  assertGradable(target.audit.status, target.caseAudit?.status ?? null);
  const content = await contentOf(target.audit.thresholdVersionId);
  const answers = normaliseAnswers(content, input.answers);
  if (!target.caseAudit) {
    if (baseVersion !== 0) throw new NotFoundOrForbiddenError();
    if (await createDraft(sampledCaseId, target, actor.userId, answers, now))
      return { saved: true, version: 1, savedAt: now };
    // Another tab created it first: answer with its version as a conflict.
  } else if (await updateDraft(target.caseAudit.id, baseVersion, answers, now)) {
    return { saved: true, version: baseVersion + 1, savedAt: now };
  }
  const current = await getCurrentDraft(sampledCaseId);
  if (!current) throw new NotFoundOrForbiddenError();
  if (current.status === 'SUBMITTED') throw new RuleError(ALREADY_SUBMITTED);
  return {
    saved: false,
    conflict: {
      currentVersion: current.version,
      yourVersion: baseVersion,
      savedAt: current.updatedAt,
      answers: normaliseAnswers(content, GradingAnswersSchema.parse(current.answers)),
    },
  };
}
