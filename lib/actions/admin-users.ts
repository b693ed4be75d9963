'use server';

import { createUser } from '@/lib/use-cases/users/create-user';
import { resetPassword } from '@/lib/use-cases/users/reset-password';
import { setUserActive } from '@/lib/use-cases/users/set-user-active';
import { updateUser } from '@/lib/use-cases/users/update-user';
import {
  CreateUserSchema,
  ResetPasswordSchema,
  SetUserActiveSchema,
  UpdateUserSchema,
} from '@/lib/schemas/admin';
import { currentRequestIp } from '@/lib/http/access';
import { runAction, type ActionResult } from './run';

export async function createUserAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreateUserSchema, input, async (actor, user) => {
    return createUser(actor, user, await currentRequestIp());
  });
}

export async function updateUserAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateUserSchema, input, async (actor, change) => {
    await updateUser(actor, change, await currentRequestIp());
    return null;
  });
}

export async function setUserActiveAction(input: unknown): Promise<ActionResult> {
  return runAction(SetUserActiveSchema, input, async (actor, change) => {
    await setUserActive(actor, change, new Date());
    return null;
  });
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  return runAction(ResetPasswordSchema, input, async (actor, change) => {
    await resetPassword(actor, change, new Date());
    return null;
  });
}
