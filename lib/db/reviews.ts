import 'server-only';
import { notBlindTo } from './blind';
import { db } from './client';
import { areaLeaders, notify } from './notifications';
import { recordAuditEvent } from './audit-events';
import { assertVersionedUpdate } from './versioned';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea, type Action } from '@/lib/domain/permissions';
import {
  assertCanAcknowledge,
  assertCanClose,
  concernState,
  type ConcernState,
} from '@/lib/domain/safeguarding';
import type { Email } from '@/lib/notify/email';
import { emptyAnswers } from '@/lib/domain/grading';
import { parseRubricContent } from '@/lib/schemas/rubric';

/**
 * The areas an actor's lists cover: their own for area roles, every area for
 * national ones. Never undefined: a missing scope would drop the filter.
 */
function areaScope(actor: Actor, action: Action): { serviceAreaId?: string } {
  if (actor.serviceAreaId !== null) {
    if (!can(actor, action, inArea(actor.serviceAreaId))) throw new NotFoundOrForbiddenError();
    return { serviceAreaId: actor.serviceAreaId };
  }
  // National roles: allowed in any area means allowed here with no filter.
  if (!can(actor, action, inArea('*'))) throw new NotFoundOrForbiddenError();
  return {};
}

export type AreaReviewItem = {
  id: string;
  sampledCaseId: string;
  version: number;
  caseReference: string;
  auditName: string;
  areaCode: string;
  practitionerName: string;
  grade: string | null;
  rationale: string;
  createdAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  actionTaken: string | null;
};

export async function findAreaReviews(actor: Actor): Promise<AreaReviewItem[]> {
  const scope = areaScope(actor, 'areaReview.view');
  const rows = await db().areaReview.findMany({
    where: { AND: [scope, { caseAudit: notBlindTo(actor.userId) }] },
    select: {
      id: true,
      version: true,
      createdAt: true,
      reviewedAt: true,
      reviewedById: true,
      actionTaken: true,
      caseAudit: {
        select: {
          overallGrade: true,
          answers: true,
          sampledCaseId: true,
          sampledCase: {
            select: {
              audit: { select: { name: true, thresholdVersion: { select: { content: true } } } },
              caseFile: {
                select: {
                  reference: true,
                  serviceArea: { select: { code: true } },
                  practitioner: { select: { name: true } },
                },
              },
            },
          },
        },
      },
    },
    orderBy: [{ reviewedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
  });
  const reviewerIds = rows.flatMap((row) => (row.reviewedById ? [row.reviewedById] : []));
  const reviewers = new Map(
    (await db().user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } })).map(
      (user) => [user.id, user.name],
    ),
  );
  return rows.map((row) => {
    const content = row.caseAudit.sampledCase.audit.thresholdVersion.content as {
      scale?: { levels?: { key: string; label: string }[] };
    };
    const label =
      content.scale?.levels?.find((level) => level.key === row.caseAudit.overallGrade)?.label ??
      row.caseAudit.overallGrade;
    return {
      id: row.id,
      sampledCaseId: row.caseAudit.sampledCaseId,
      version: row.version,
      caseReference: row.caseAudit.sampledCase.caseFile.reference,
      auditName: row.caseAudit.sampledCase.audit.name,
      areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
      practitionerName: row.caseAudit.sampledCase.caseFile.practitioner.name,
      grade: label,
      rationale: (row.caseAudit.answers as { overallRationale?: string }).overallRationale ?? '',
      createdAt: row.createdAt,
      reviewedAt: row.reviewedAt,
      reviewedBy: row.reviewedById ? (reviewers.get(row.reviewedById) ?? null) : null,
      actionTaken: row.actionTaken,
    };
  });
}

export async function recordAreaReview(
  actor: Actor,
  input: { reviewId: string; version: number; actionTaken: string },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const review = await tx.areaReview.findUnique({
      where: { id: input.reviewId },
      select: { serviceAreaId: true, reviewedAt: true },
    });
    if (!review || !can(actor, 'areaReview.record', inArea(review.serviceAreaId)))
      throw new NotFoundOrForbiddenError();
    const { count } = await tx.areaReview.updateMany({
      where: { id: input.reviewId, version: input.version },
      data: {
        reviewedAt: now,
        reviewedById: actor.userId,
        actionTaken: input.actionTaken,
        version: { increment: 1 },
      },
    });
    await assertVersionedUpdate(
      count,
      () => tx.areaReview.findUnique({ where: { id: input.reviewId }, select: { id: true } }),
      'review',
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'area-review.recorded',
      entityType: 'area_review',
      entityId: input.reviewId,
      detail: { actionTaken: input.actionTaken },
    });
  });
}

export type ConcernItem = {
  id: string;
  version: number;
  caseReference: string;
  auditName: string;
  areaCode: string;
  description: string;
  raisedBy: string;
  raisedAt: Date;
  state: ConcernState;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  actionTaken: string | null;
};

export async function findConcerns(actor: Actor, now: Date): Promise<ConcernItem[]> {
  const scope = areaScope(actor, 'concern.view');
  const rows = await db().safeguardingConcern.findMany({
    where: scope,
    select: {
      id: true,
      version: true,
      description: true,
      raisedAt: true,
      raisedById: true,
      acknowledgedAt: true,
      closedAt: true,
      actionTaken: true,
      caseAudit: {
        select: {
          sampledCase: {
            select: {
              audit: { select: { name: true } },
              caseFile: { select: { reference: true, serviceArea: { select: { code: true } } } },
            },
          },
        },
      },
    },
    orderBy: [{ closedAt: { sort: 'asc', nulls: 'first' } }, { raisedAt: 'asc' }],
  });
  const people = new Map(
    (
      await db().user.findMany({
        where: { id: { in: rows.map((row) => row.raisedById) } },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    caseReference: row.caseAudit.sampledCase.caseFile.reference,
    auditName: row.caseAudit.sampledCase.audit.name,
    areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
    description: row.description,
    raisedBy: people.get(row.raisedById) ?? 'Unknown',
    raisedAt: row.raisedAt,
    state: concernState(row, now),
    acknowledgedAt: row.acknowledgedAt,
    closedAt: row.closedAt,
    actionTaken: row.actionTaken,
  }));
}

/** An auditor (on their own assigned case) or the audit lead raises a concern; area leaders and the lead hear at once. */
export async function raiseConcern(
  actor: Actor,
  input: { sampledCaseId: string; description: string },
  now: Date,
): Promise<{ emails: Email[] }> {
  return db().$transaction(async (tx) => {
    const sampled = await tx.sampledCase.findUnique({
      where: { id: input.sampledCaseId },
      select: {
        id: true,
        auditId: true,
        serviceAreaId: true,
        assignedToId: true,
        status: true,
        audit: {
          select: {
            name: true,
            leadId: true,
            thresholdVersionId: true,
            thresholdVersion: { select: { content: true } },
          },
        },
        caseFile: { select: { reference: true } },
      },
    });
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

async function respond(
  actor: Actor,
  input: { concernId: string; version: number },
  change: (concern: { acknowledgedAt: Date | null; closedAt: Date | null }) => Record<string, unknown>,
  event: string,
) {
  await db().$transaction(async (tx) => {
    const concern = await tx.safeguardingConcern.findUnique({
      where: { id: input.concernId },
      select: { serviceAreaId: true, acknowledgedAt: true, closedAt: true },
    });
    if (!concern || !can(actor, 'concern.respond', inArea(concern.serviceAreaId)))
      throw new NotFoundOrForbiddenError();
    const data = change(concern);
    const { count } = await tx.safeguardingConcern.updateMany({
      where: { id: input.concernId, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.safeguardingConcern.findUnique({ where: { id: input.concernId }, select: { id: true } }),
      'concern',
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: event,
      entityType: 'safeguarding_concern',
      entityId: input.concernId,
      detail: JSON.parse(JSON.stringify(data)) as object,
    });
  });
}

export async function acknowledgeConcern(
  actor: Actor,
  input: { concernId: string; version: number },
  now: Date,
): Promise<void> {
  await respond(
    actor,
    input,
    (concern) => {
      assertCanAcknowledge(concern);
      return { acknowledgedAt: now, acknowledgedById: actor.userId };
    },
    'concern.acknowledged',
  );
}

export async function closeConcern(
  actor: Actor,
  input: { concernId: string; version: number; actionTaken: string },
  now: Date,
): Promise<void> {
  await respond(
    actor,
    input,
    (concern) => {
      assertCanClose(concern, input.actionTaken);
      return { closedAt: now, closedById: actor.userId, actionTaken: input.actionTaken };
    },
    'concern.closed',
  );
}

/** For home pages: what is waiting, counted in the database. */
export async function reviewCounts(
  actor: Actor,
  now: Date,
): Promise<{ reviewsWaiting: number; concernsOpen: number; concernsOverdue: number }> {
  const scope = areaScope(actor, 'concern.view');
  const overdueBefore = new Date(now.getTime() - 24 * 3_600_000);
  const [reviewsWaiting, concernsOpen, concernsOverdue] = await Promise.all([
    db().areaReview.count({ where: { ...scope, reviewedAt: null } }),
    db().safeguardingConcern.count({ where: { ...scope, closedAt: null } }),
    db().safeguardingConcern.count({
      where: { ...scope, closedAt: null, acknowledgedAt: null, raisedAt: { lte: overdueBefore } },
    }),
  ]);
  return { reviewsWaiting, concernsOpen, concernsOverdue };
}
