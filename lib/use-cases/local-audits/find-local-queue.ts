import 'server-only';
import { findLocalProgrammes } from '@/lib/db/local-programmes';
import {
  findManagerAssignments,
  findPickableCases,
  type LocalQueueCase,
  type PickableCase,
} from '@/lib/db/local-queue';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { monthOf } from '@/lib/domain/local-draw';
import { can, inArea } from '@/lib/domain/permissions';

export type LocalQueue = {
  cases: LocalQueueCase[];
  /** Programmes running this month that cover the manager's area, with the cases they may pick. */
  programmes: { auditId: string; name: string; pickable: PickableCase[] }[];
  currentMonth: string;
};

/** A Service Manager's local audits by month, and what they may pick: only ever their own. */
export async function findLocalQueue(actor: Actor, now: Date): Promise<LocalQueue> {
  if (!actor.serviceAreaId || !can(actor, 'localAudit.grade', inArea(actor.serviceAreaId)))
    throw new NotFoundOrForbiddenError('localAudit.grade');
  const currentMonth = monthOf(now);
  const [cases, programmes] = await Promise.all([
    findManagerAssignments(actor.userId),
    findLocalProgrammes(actor.serviceAreaId),
  ]);
  const running = programmes.filter(
    (programme) =>
      programme.windowFrom.slice(0, 7) <= currentMonth.slice(0, 7) && programme.windowTo >= currentMonth,
  );
  const mayPick = can(actor, 'localAudit.pick', inArea(actor.serviceAreaId));
  return {
    cases,
    currentMonth,
    programmes: await Promise.all(
      running.map(async (programme) => ({
        auditId: programme.auditId,
        name: programme.name,
        pickable: mayPick ? await findPickableCases(actor.userId, programme.auditId) : [],
      })),
    ),
  };
}
