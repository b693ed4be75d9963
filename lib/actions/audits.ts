'use server';

import { createAudit } from '@/lib/use-cases/audits/create-audit';
import { transitionAudit } from '@/lib/use-cases/audits/transition-audit';
import { updateAudit } from '@/lib/use-cases/audits/update-audit';
import { CreateAuditSchema, TransitionAuditSchema, UpdateAuditSchema } from '@/lib/schemas/audits';
import { runAction, type ActionResult } from './run';

export async function createAuditAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreateAuditSchema, input, (actor, fields) => createAudit(actor, fields));
}

export async function updateAuditAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateAuditSchema, input, async (actor, { auditId, version, ...fields }) => {
    await updateAudit(actor, auditId, version, fields);
    return null;
  });
}

export async function transitionAuditAction(input: unknown): Promise<ActionResult> {
  return runAction(TransitionAuditSchema, input, async (actor, request) => {
    await transitionAudit(actor, request);
    return null;
  });
}
