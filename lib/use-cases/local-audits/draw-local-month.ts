import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import {
  countAssignedInMonth,
  findLocalCandidates,
  findServiceManagersIn,
  getLocalProgrammeContext,
  insertLocalAssignments,
} from '@/lib/db/local-programmes';
import { notify } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import {
  assertMayDrawMonth,
  drawLocalMonth as drawFromWork,
  drawLog,
  monthLabel,
  monthStart,
  MONTH_ALREADY_DRAWN,
  recentWindow,
} from '@/lib/domain/local-draw';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import type { Email } from '@/lib/notify/email';

/**
 * Draws a month of a local programme: every Service Manager in its scope gets
 * their quota (less what they already picked) from their teams' recently filed
 * work, by a seeded draw that is logged with its parameters. Once per month.
 */
export async function drawLocalMonth(
  actor: Actor,
  input: { auditId: string; month: string; seed: string },
  now: Date,
): Promise<{ result: { drawn: number; managers: number; seed: string }; emails: Email[] }> {
  const programme = await getLocalProgrammeContext(input.auditId);
  const scope = programme?.serviceAreaId ? inArea(programme.serviceAreaId) : NATIONAL;
  if (!programme || !can(actor, 'localProgramme.manage', scope))
    throw new NotFoundOrForbiddenError('localProgramme.manage');
  const month = monthStart(input.month);
  if (!month) throw new RuleError('Choose a month', 'month');
  assertMayDrawMonth(month, programme);
  const seed = input.seed.trim() || randomUUID().slice(0, 8);
  const window = recentWindow(month, programme.recentDays);
  const [managerIds, alreadyAssigned, candidates] = await Promise.all([
    findServiceManagersIn(programme.serviceAreaIds),
    countAssignedInMonth(programme.auditId, month),
    findLocalCandidates({
      auditId: programme.auditId,
      serviceAreaIds: programme.serviceAreaIds,
      from: window.from,
      to: window.to,
    }),
  ]);
  const draw = drawFromWork(candidates, {
    seed,
    month,
    quota: programme.quota,
    recentDays: programme.recentDays,
    managerIds,
    alreadyAssigned,
  });
  const rows = draw.managers.flatMap((manager) =>
    manager.drawn.map((candidate) => ({
      auditId: programme.auditId,
      caseFileId: candidate.caseFileId,
      practitionerId: candidate.practitionerId,
      serviceAreaId: candidate.serviceAreaId,
      teamId: candidate.teamId,
      managerId: manager.managerId,
      month,
      pickedBy: 'draw' as const,
      pickReason: null,
    })),
  );
  const parameters = drawLog(draw) as unknown as Prisma.InputJsonValue;
  try {
    return await db().$transaction(async (tx) => {
      await tx.localAuditDraw.create({
        data: {
          auditId: programme.auditId,
          month: new Date(`${month}T00:00:00Z`),
          seed,
          parameters,
          drawnAt: now,
          drawnById: actor.userId,
        },
      });
      const drawn = await insertLocalAssignments(tx, rows);
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: 'local-month.drawn',
        entityType: 'audit',
        entityId: programme.auditId,
        detail: { month, seed, cases: drawn, managers: managerIds.length },
      });
      const emails = await notify(
        tx,
        draw.managers.filter((manager) => manager.drawn.length > 0).map((manager) => manager.managerId),
        {
          title: `Local audits for ${monthLabel(month)}`,
          body: `Cases of your teams were drawn for ${programme.name}. Grade them this month.`,
          link: '/local/queue',
        },
      );
      return { result: { drawn, managers: managerIds.length, seed }, emails };
    });
  } catch (error) {
    // Two people drawing the same month at once: the second is told it is drawn.
    if (isUniqueViolation(error)) throw new RuleError(MONTH_ALREADY_DRAWN, 'month');
    throw error;
  }
}
