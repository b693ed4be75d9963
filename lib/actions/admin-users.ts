'use server';

import { hashPassword } from '@/lib/auth/password';
import { createUser, resetPassword, setUserActive, updateUser } from '@/lib/db/users';
import { NATIONAL } from '@/lib/domain/permissions';
import { assertNotSelfLockout, assertRoleAreaConsistent } from '@/lib/domain/users';
import {
  CreateUserSchema,
  ResetPasswordSchema,
  SetUserActiveSchema,
  UpdateUserSchema,
} from '@/lib/schemas/admin';
import { currentRequestIp } from '@/lib/http/access';
import { authorise, runAction, type ActionResult } from './run';

export async function createUserAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreateUserSchema, input, async (actor, user) => {
    authorise(actor, 'user.manage', NATIONAL);
    assertRoleAreaConsistent(user.role, user.serviceAreaId);
    const { password, ...fields } = user;
    return createUser(
      actor.userId,
      { ...fields, passwordHash: await hashPassword(password) },
      await currentRequestIp(),
    );
  });
}

export async function updateUserAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateUserSchema, input, async (actor, change) => {
    authorise(actor, 'user.manage', NATIONAL);
    assertRoleAreaConsistent(change.role, change.serviceAreaId);
    assertNotSelfLockout(actor.userId, change.userId, { role: change.role });
    await updateUser(actor.userId, change, await currentRequestIp());
    return null;
  });
}

export async function setUserActiveAction(input: unknown): Promise<ActionResult> {
  return runAction(SetUserActiveSchema, input, async (actor, change) => {
    authorise(actor, 'user.manage', NATIONAL);
    assertNotSelfLockout(actor.userId, change.userId, { isActive: change.isActive });
    await setUserActive(actor.userId, change, new Date());
    return null;
  });
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  return runAction(ResetPasswordSchema, input, async (actor, change) => {
    authorise(actor, 'user.manage', NATIONAL);
    await resetPassword(
      actor.userId,
      { userId: change.userId, version: change.version, passwordHash: await hashPassword(change.password) },
      new Date(),
    );
    return null;
  });
}
