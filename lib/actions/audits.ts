'use server';

import { summarisePublishedAudit } from '@/lib/db/audit-summaries';
import { createAudit, transitionAudit, updateAudit } from '@/lib/db/audits';
import { assertAuditSettings } from '@/lib/domain/audits';
import { NATIONAL } from '@/lib/domain/permissions';
import { CreateAuditSchema, TransitionAuditSchema, UpdateAuditSchema } from '@/lib/schemas/audits';
import { authorise, runAction, type ActionResult } from './run';

export async function createAuditAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreateAuditSchema, input, async (actor, fields) => {
    authorise(actor, 'audit.manage', NATIONAL);
    assertAuditSettings(fields);
    return createAudit(actor.userId, fields);
  });
}

export async function updateAuditAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateAuditSchema, input, async (actor, { auditId, version, ...fields }) => {
    authorise(actor, 'audit.manage', NATIONAL);
    assertAuditSettings(fields);
    await updateAudit(actor.userId, auditId, version, fields);
    return null;
  });
}

export async function transitionAuditAction(input: unknown): Promise<ActionResult> {
  return runAction(TransitionAuditSchema, input, async (actor, request) => {
    authorise(actor, 'audit.manage', NATIONAL);
    await transitionAudit(actor.userId, request);
    if (request.to === 'PUBLISHED') await summarisePublishedAudit(request.auditId);
    return null;
  });
}
