'use server';

import { AmendObservationSchema, RecordObservationSchema } from '@/lib/schemas/observations';
import { amendObservation } from '@/lib/use-cases/observations/amend-observation';
import { recordObservation } from '@/lib/use-cases/observations/record-observation';
import { runAction, type ActionResult } from './run';

// Who may observe whom is decided against the practitioner's team and area in
// lib/use-cases/observations.

export async function recordObservationAction(
  input: unknown,
): Promise<ActionResult<{ observationId: string }>> {
  return runAction(RecordObservationSchema, input, (actor, request) =>
    recordObservation(actor, request, new Date()),
  );
}

export async function amendObservationAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(AmendObservationSchema, input, (actor, request) =>
    amendObservation(actor, request, new Date()),
  );
}
