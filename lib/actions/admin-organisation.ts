'use server';

import { createServiceArea, createTeam, updateServiceArea, updateTeam } from '@/lib/db/organisation';
import { NATIONAL } from '@/lib/domain/permissions';
import {
  CreateServiceAreaSchema,
  CreateTeamSchema,
  UpdateServiceAreaSchema,
  UpdateTeamSchema,
} from '@/lib/schemas/admin';
import { authorise, runAction, type ActionResult } from './run';

export async function createServiceAreaAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreateServiceAreaSchema, input, async (actor, area) => {
    authorise(actor, 'organisation.manage', NATIONAL);
    return createServiceArea(actor.userId, area);
  });
}

export async function updateServiceAreaAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateServiceAreaSchema, input, async (actor, change) => {
    authorise(actor, 'organisation.manage', NATIONAL);
    await updateServiceArea(actor.userId, change);
    return null;
  });
}

export async function createTeamAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreateTeamSchema, input, async (actor, team) => {
    authorise(actor, 'organisation.manage', NATIONAL);
    return createTeam(actor.userId, team);
  });
}

export async function updateTeamAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateTeamSchema, input, async (actor, change) => {
    authorise(actor, 'organisation.manage', NATIONAL);
    await updateTeam(actor.userId, change);
    return null;
  });
}
