import 'server-only';
import type { ServiceManagerCandidate } from '@/lib/domain/team-managers';
import { db, type Tx } from './client';

// Teams' Service Managers: the candidates the admin form offers, and keeping
// a team's practitioners' manager equal to its Service Manager.

export type ServiceManagerOption = { id: string; name: string; serviceAreaId: string };

/** Active Service Managers, by area, for the team form. */
export async function findServiceManagerOptions(): Promise<ServiceManagerOption[]> {
  const users = await db().user.findMany({
    where: { role: 'SERVICE_MANAGER', isActive: true, serviceAreaId: { not: null } },
    select: { id: true, name: true, serviceAreaId: true },
    orderBy: { name: 'asc' },
  });
  return users.map((user) => ({ id: user.id, name: user.name, serviceAreaId: user.serviceAreaId as string }));
}

/** Each team's Service Manager (id), for the admin list. */
export async function findTeamServiceManagers(): Promise<Map<string, string | null>> {
  const teams = await db().team.findMany({ select: { id: true, serviceManagerId: true } });
  return new Map(teams.map((team) => [team.id, team.serviceManagerId]));
}

export async function getServiceManagerCandidate(userId: string): Promise<ServiceManagerCandidate | null> {
  return db().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, role: true, serviceAreaId: true, isActive: true },
  });
}

/** The team a practitioner joins, with its Service Manager: their manager must agree with it. */
export async function getTeamManager(teamId: string) {
  const team = await db().team.findUnique({
    where: { id: teamId },
    select: { serviceManagerId: true, serviceManager: { select: { name: true } } },
  });
  return team
    ? { serviceManagerId: team.serviceManagerId, serviceManagerName: team.serviceManager?.name ?? null }
    : null;
}

/**
 * Inside the caller's transaction: the team's practitioners report to `to`;
 * when the team loses its Service Manager (`to` null), those who reported to
 * `from` report to nobody until one is chosen. Returns how many changed.
 */
export async function alignPractitionerManagers(
  tx: Tx,
  input: { teamId: string; from: string | null; to: string | null },
): Promise<number> {
  if (input.to !== null) {
    const { count } = await tx.practitioner.updateMany({
      where: { teamId: input.teamId, OR: [{ managerId: null }, { managerId: { not: input.to } }] },
      data: { managerId: input.to, version: { increment: 1 } },
    });
    return count;
  }
  if (input.from === null) return 0;
  const { count } = await tx.practitioner.updateMany({
    where: { teamId: input.teamId, managerId: input.from },
    data: { managerId: null, version: { increment: 1 } },
  });
  return count;
}
