import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { insertObservation, loadObservedPractitioner } from '@/lib/db/observations';
import type { Actor } from '@/lib/domain/actor';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import {
  mayRecordObservation,
  observationAnswersFrom,
  observationProblems,
  type ObservationFields,
} from '@/lib/domain/observation';

/**
 * A Service Manager records an observation of one of their own teams'
 * practitioners, a Head of Practice of anyone in their area; the observation
 * and its audit event land together.
 */
export async function recordObservation(
  actor: Actor,
  input: ObservationFields & { practitionerId: string },
  now: Date,
): Promise<{ observationId: string }> {
  const practitioner = await loadObservedPractitioner(input.practitionerId);
  if (!practitioner || !mayRecordObservation(actor, practitioner))
    throw new NotFoundOrForbiddenError('observation.record');
  const answers = observationAnswersFrom(input);
  const [problem] = observationProblems({ ...input, answers }, isoDay(now));
  if (problem) throw new RuleError(problem.message, problem.field);
  return db().$transaction(async (tx) => {
    const observationId = await insertObservation(
      tx,
      {
        serviceAreaId: practitioner.serviceAreaId,
        teamId: practitioner.teamId,
        practitionerId: practitioner.id,
        observerId: actor.userId,
        observedOn: input.observedOn,
        setting: input.setting,
        answers,
        feedback: input.feedback,
      },
      now,
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'observation.recorded',
      entityType: 'practice_observation',
      entityId: observationId,
      detail: {
        practitionerId: practitioner.id,
        observedOn: input.observedOn,
        setting: input.setting,
        version: 1,
      },
    });
    return { observationId };
  });
}
