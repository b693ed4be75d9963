'use server';

import { SetTeamServiceManagerSchema } from '@/lib/schemas/local-programmes';
import { setTeamServiceManager } from '@/lib/use-cases/organisation/set-team-service-manager';
import { runAction, type ActionResult } from './run';

export async function setTeamServiceManagerAction(
  input: unknown,
): Promise<ActionResult<{ practitionersChanged: number }>> {
  return runAction(SetTeamServiceManagerSchema, input, (actor, change) =>
    setTeamServiceManager(actor, change),
  );
}
