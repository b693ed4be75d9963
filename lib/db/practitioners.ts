import 'server-only';
import { db } from './client';
import { literalContains } from './search';

import type { Employment } from '@/lib/domain/roles';
import { teamKey, type OrganisationLookup } from '@/lib/domain/practitioner-import';

export type PractitionerSummary = {
  id: string;
  reference: string;
  name: string;
  teamName: string;
  serviceAreaCode: string;
  employment: Employment;
  performanceBand: string | null;
  managerName: string | null;
  isActive: boolean;
};

export type PractitionerDetail = PractitionerSummary & {
  teamId: string;
  managerId: string | null;
  version: number;
};

export const PRACTITIONER_PAGE_SIZE = 50;

const PRACTITIONER_SELECT = {
  id: true,
  reference: true,
  name: true,
  employment: true,
  performanceBand: true,
  isActive: true,
  version: true,
  teamId: true,
  managerId: true,
  team: { select: { name: true, serviceArea: { select: { code: true } } } },
  manager: { select: { name: true } },
} as const;

type Row = {
  id: string;
  reference: string;
  name: string;
  employment: Employment;
  performanceBand: string | null;
  isActive: boolean;
  version: number;
  teamId: string;
  managerId: string | null;
  team: { name: string; serviceArea: { code: string } };
  manager: { name: string } | null;
};

const toDetail = (row: Row): PractitionerDetail => ({
  id: row.id,
  reference: row.reference,
  name: row.name,
  employment: row.employment,
  performanceBand: row.performanceBand,
  isActive: row.isActive,
  version: row.version,
  teamId: row.teamId,
  managerId: row.managerId,
  teamName: row.team.name,
  serviceAreaCode: row.team.serviceArea.code,
  managerName: row.manager?.name ?? null,
});

export async function findPractitioners(filter: {
  search: string;
  serviceAreaId: string | null;
  page: number;
}): Promise<{
  practitioners: PractitionerSummary[];
  total: number;
}> {
  const where = {
    ...(filter.search
      ? {
          OR: [{ name: literalContains(filter.search) }, { reference: literalContains(filter.search) }],
        }
      : {}),
    ...(filter.serviceAreaId ? { team: { serviceAreaId: filter.serviceAreaId } } : {}),
  };
  const [rows, total] = await Promise.all([
    db().practitioner.findMany({
      where,
      select: PRACTITIONER_SELECT,
      orderBy: [{ reference: 'asc' }],
      skip: (filter.page - 1) * PRACTITIONER_PAGE_SIZE,
      take: PRACTITIONER_PAGE_SIZE,
    }),
    db().practitioner.count({ where }),
  ]);
  return { practitioners: rows.map(toDetail), total };
}

export async function getPractitioner(practitionerId: string): Promise<PractitionerDetail | null> {
  const row = await db().practitioner.findUnique({
    where: { id: practitionerId },
    select: PRACTITIONER_SELECT,
  });
  return row ? toDetail(row) : null;
}

export async function countPractitioners(): Promise<{ total: number; agency: number }> {
  const [total, agency] = await Promise.all([
    db().practitioner.count({ where: { isActive: true } }),
    db().practitioner.count({ where: { isActive: true, employment: 'AGENCY' } }),
  ]);
  return { total, agency };
}

export type PractitionerFields = {
  name: string;
  teamId: string;
  employment: Employment;
  performanceBand: string | null;
  managerId: string | null;
};

export async function organisationLookup(): Promise<OrganisationLookup> {
  const [teams, users] = await Promise.all([
    db().team.findMany({
      select: {
        id: true,
        name: true,
        serviceArea: { select: { code: true } },
        serviceManager: { select: { id: true, name: true } },
      },
    }),
    db().user.findMany({ where: { isActive: true }, select: { id: true, email: true } }),
  ]);
  const areaCodes = new Set<string>();
  const teamIdByAreaAndName = new Map<string, string>();
  const teamServiceManager = new Map<string, { id: string; name: string }>();
  for (const team of teams) {
    if (team.serviceManager) teamServiceManager.set(team.id, team.serviceManager);
    areaCodes.add(team.serviceArea.code.toLowerCase());
    teamIdByAreaAndName.set(teamKey(team.serviceArea.code, team.name), team.id);
  }
  // Areas with no team yet still count as known areas.
  for (const area of await db().serviceArea.findMany({ select: { code: true } }))
    areaCodes.add(area.code.toLowerCase());
  return {
    areaCodes,
    teamIdByAreaAndName,
    userIdByEmail: new Map(users.map((user) => [user.email.toLowerCase(), user.id])),
    teamServiceManager,
  };
}
