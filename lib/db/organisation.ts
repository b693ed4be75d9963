import 'server-only';
import { db } from './client';

export type ServiceAreaOption = { id: string; code: string; name: string };
export type TeamSummary = { id: string; name: string; version: number; practitionerCount: number };
export type ServiceAreaSummary = ServiceAreaOption & {
  version: number;
  teams: TeamSummary[];
  practitionerCount: number;
};
export type TeamOption = { id: string; name: string; serviceAreaCode: string };

export async function findServiceAreaOptions(): Promise<ServiceAreaOption[]> {
  return db().serviceArea.findMany({
    select: { id: true, code: true, name: true },
    orderBy: { sortOrder: 'asc' },
  });
}

export async function findTeamOptions(): Promise<TeamOption[]> {
  const teams = await db().team.findMany({
    select: { id: true, name: true, serviceArea: { select: { code: true, sortOrder: true } } },
    orderBy: [{ serviceArea: { sortOrder: 'asc' } }, { name: 'asc' }],
  });
  return teams.map((team) => ({ id: team.id, name: team.name, serviceAreaCode: team.serviceArea.code }));
}

/** Areas with their teams and head-counts; counting happens in the database. */
export async function findServiceAreas(): Promise<ServiceAreaSummary[]> {
  const [areas, counts] = await Promise.all([
    db().serviceArea.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        version: true,
        teams: { select: { id: true, name: true, version: true }, orderBy: { name: 'asc' } },
      },
      orderBy: { sortOrder: 'asc' },
    }),
    db().practitioner.groupBy({ by: ['teamId'], where: { isActive: true }, _count: { _all: true } }),
  ]);
  const byTeam = new Map(counts.map((row) => [row.teamId, row._count._all]));
  return areas.map((area) => {
    const teams = area.teams.map((team) => ({ ...team, practitionerCount: byTeam.get(team.id) ?? 0 }));
    return {
      ...area,
      teams,
      practitionerCount: teams.reduce((sum, team) => sum + team.practitionerCount, 0),
    };
  });
}

export async function getServiceAreaCode(serviceAreaId: string): Promise<string | null> {
  const area = await db().serviceArea.findUnique({ where: { id: serviceAreaId }, select: { code: true } });
  return area?.code ?? null;
}
