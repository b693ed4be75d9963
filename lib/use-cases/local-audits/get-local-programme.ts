import 'server-only';
import {
  countProgrammeMonths,
  findLocalDraws,
  findUserNames,
  getLocalProgrammeContext,
  type LocalDrawRecord,
  type LocalProgrammeContext,
  type MonthCounts,
} from '@/lib/db/local-programmes';
import { countManagerMonths } from '@/lib/db/local-quota-counts';
import type { Actor } from '@/lib/domain/actor';
import { isoDay } from '@/lib/domain/dates';
import { onTargetView, type OnTargetView } from '@/lib/domain/local-quota';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';

export type LocalProgrammePage = {
  programme: LocalProgrammeContext;
  /** May draw months: the programme is in the reader's own reach. */
  mayDraw: boolean;
  /** A Head of Practice reading a national programme sees their own area's managers only. */
  areaOnly: string | null;
  months: MonthCounts[];
  draws: LocalDrawRecord[];
  managerNames: Record<string, string>;
  onTarget: OnTargetView;
};

/**
 * A programme's settings, months, draws and on-target tables, for whoever
 * runs it. A Head of Practice also reads a national programme, limited to
 * their own area's managers (its draws are the Senior Service Manager's).
 */
export async function getLocalProgramme(
  actor: Actor,
  auditId: string,
  now: Date,
): Promise<LocalProgrammePage | null> {
  const programme = await getLocalProgrammeContext(auditId);
  if (!programme) return null;
  const mayDraw = can(
    actor,
    'localProgramme.manage',
    programme.serviceAreaId ? inArea(programme.serviceAreaId) : NATIONAL,
  );
  const ownArea =
    !mayDraw &&
    programme.serviceAreaId === null &&
    actor.serviceAreaId !== null &&
    can(actor, 'localProgramme.manage', inArea(actor.serviceAreaId))
      ? actor.serviceAreaId
      : null;
  if (!mayDraw && !ownArea) return null;
  const [months, draws, managerMonths] = await Promise.all([
    countProgrammeMonths(auditId),
    findLocalDraws(auditId),
    countManagerMonths(auditId),
  ]);
  const inScope = ownArea ? managerMonths.filter((row) => row.serviceAreaId === ownArea) : managerMonths;
  const names = await findUserNames([
    ...new Set(
      draws.flatMap((draw) => {
        // A draw recorded elsewhere (imported history) may log only a count of managers.
        const managers = (draw.parameters as { managers?: unknown } | null)?.managers;
        return Array.isArray(managers)
          ? managers.map((manager: { managerId: string }) => manager.managerId)
          : [];
      }),
    ),
  ]);
  return {
    programme,
    mayDraw,
    areaOnly: ownArea,
    months: ownArea ? [] : months,
    draws: ownArea ? [] : draws,
    managerNames: Object.fromEntries(names),
    onTarget: onTargetView(inScope, programme.quota, isoDay(now)),
  };
}
