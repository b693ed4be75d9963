import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { loadObservation, updateObservation } from '@/lib/db/observations';
import type { Actor } from '@/lib/domain/actor';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError, RuleError, StaleVersionError } from '@/lib/domain/errors';
import {
  mayAmendObservation,
  observationAnswersFrom,
  observationProblems,
  type ObservationFields,
} from '@/lib/domain/observation';

/**
 * The observer corrects their own observation. Guarded by its version, so two
 * tabs never overwrite each other; the audit event keeps what changed.
 */
export async function amendObservation(
  actor: Actor,
  input: ObservationFields & { observationId: string; version: number },
  now: Date,
): Promise<{ version: number }> {
  const current = await loadObservation(input.observationId);
  if (!current || !mayAmendObservation(actor, current))
    throw new NotFoundOrForbiddenError('observation.record');
  const answers = observationAnswersFrom(input);
  const [problem] = observationProblems({ ...input, practitionerId: current.id, answers }, isoDay(now));
  if (problem) throw new RuleError(problem.message, problem.field);
  const changed = [
    current.observedOn !== input.observedOn && 'observedOn',
    current.setting !== input.setting && 'setting',
    JSON.stringify(current.answers) !== JSON.stringify(answers) && 'answers',
    current.feedback !== input.feedback && 'feedback',
  ].filter((field): field is string => field !== false);
  if (changed.length === 0) return { version: current.version };
  return db().$transaction(async (tx) => {
    const updated = await updateObservation(tx, current.id, input.version, {
      observedOn: input.observedOn,
      setting: input.setting,
      answers,
      feedback: input.feedback,
    });
    if (!updated) throw new StaleVersionError('observation');
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'observation.amended',
      entityType: 'practice_observation',
      entityId: current.id,
      detail: { changed, version: input.version + 1, at: now.toISOString() },
    });
    return { version: input.version + 1 };
  });
}
