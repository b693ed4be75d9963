'use server';

import { createServiceArea } from '@/lib/use-cases/organisation/create-service-area';
import { createTeam } from '@/lib/use-cases/organisation/create-team';
import { updateServiceArea } from '@/lib/use-cases/organisation/update-service-area';
import { updateTeam } from '@/lib/use-cases/organisation/update-team';
import {
  CreateServiceAreaSchema,
  CreateTeamSchema,
  UpdateServiceAreaSchema,
  UpdateTeamSchema,
} from '@/lib/schemas/admin';
import { runAction, type ActionResult } from './run';

export async function createServiceAreaAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreateServiceAreaSchema, input, (actor, area) => createServiceArea(actor, area));
}

export async function updateServiceAreaAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateServiceAreaSchema, input, async (actor, change) => {
    await updateServiceArea(actor, change);
    return null;
  });
}

export async function createTeamAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreateTeamSchema, input, (actor, team) => createTeam(actor, team));
}

export async function updateTeamAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateTeamSchema, input, async (actor, change) => {
    await updateTeam(actor, change);
    return null;
  });
}
