import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { areaLeaders, notify } from '@/lib/db/notifications';
import { getCaseForConcern } from '@/lib/db/reviews';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { emptyAnswers } from '@/lib/domain/grading';
import { can, inArea } from '@/lib/domain/permissions';
import type { Email } from '@/lib/notify/email';
import { parseRubricContent } from '@/lib/schemas/rubric';

/** An auditor (on their own assigned case) or the audit lead raises a concern; area leaders and the lead hear at once. */
export async function raiseConcern(
  actor: Actor,
  input: { sampledCaseId: string; description: string },
  now: Date,
): Promise<{ emails: Email[] }> {
  return db().$transaction(async (tx) => {
    const sampled = await getCaseForConcern(tx, input.sampledCaseId);
    if (!sampled || sampled.status !== 'SELECTED') throw new NotFoundOrForbiddenError();
    const isAuditor = actor.role === 'IMPROVEMENT_MANAGER' && sampled.assignedToId === actor.userId;
    if (
      !can(actor, 'concern.raise', inArea(sampled.serviceAreaId)) ||
      (actor.role === 'IMPROVEMENT_MANAGER' && !isAuditor)
    )
      throw new NotFoundOrForbiddenError();
    // The concern needs a case audit to hang on; its answers are the empty form, so grading starts from it.
    const blank = JSON.stringify(emptyAnswers(parseRubricContent(sampled.audit.thresholdVersion.content)));
    await tx.$executeRaw`
      INSERT INTO case_audit (id, sampled_case_id, audit_id, service_area_id, auditor_id, threshold_version_id, answers, version, updated_at)
      VALUES (gen_random_uuid()::text, ${sampled.id}, ${sampled.auditId}, ${sampled.serviceAreaId}, ${sampled.assignedToId ?? actor.userId}, ${sampled.audit.thresholdVersionId}, ${blank}::jsonb, 0, ${now})
      ON CONFLICT (sampled_case_id) DO NOTHING`;
    const caseAudit = await tx.caseAudit.findUniqueOrThrow({
      where: { sampledCaseId: sampled.id },
      select: { id: true },
    });
    const concern = await tx.safeguardingConcern.create({
      data: {
        caseAuditId: caseAudit.id,
        serviceAreaId: sampled.serviceAreaId,
        raisedById: actor.userId,
        raisedAt: now,
        description: input.description,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'concern.raised',
      entityType: 'safeguarding_concern',
      entityId: concern.id,
      detail: { sampledCaseId: sampled.id },
    });
    const lead = sampled.audit.leadId
      ? [sampled.audit.leadId]
      : (
          await tx.user.findMany({
            where: { role: 'SENIOR_SERVICE_MANAGER', isActive: true },
            select: { id: true },
          })
        ).map((user) => user.id);
    const emails = await notify(tx, [...(await areaLeaders(tx, sampled.serviceAreaId)), ...lead], {
      title: `Safeguarding concern: case ${sampled.caseFile.reference}`,
      body: `${actor.name} raised a safeguarding concern on case ${sampled.caseFile.reference} (${sampled.audit.name}). Acknowledge it within 24 hours.`,
      link: '/reviews',
    });
    return { emails };
  });
}
