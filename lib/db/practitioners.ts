import 'server-only';
import { db } from './client';
import { literalContains } from './search';
import { recordAuditEvent } from './audit-events';
import { isForeignKeyViolation, isUniqueViolation } from './errors';
import { RuleError } from '@/lib/domain/errors';
import { assertVersionedUpdate } from './versioned';
import type { Employment } from '@/lib/domain/roles';
import { teamKey, type OrganisationLookup, type PractitionerRow } from '@/lib/domain/practitioner-import';

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

const select = {
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
      select,
      orderBy: [{ reference: 'asc' }],
      skip: (filter.page - 1) * PRACTITIONER_PAGE_SIZE,
      take: PRACTITIONER_PAGE_SIZE,
    }),
    db().practitioner.count({ where }),
  ]);
  return { practitioners: rows.map(toDetail), total };
}

export async function getPractitioner(practitionerId: string): Promise<PractitionerDetail | null> {
  const row = await db().practitioner.findUnique({ where: { id: practitionerId }, select });
  return row ? toDetail(row) : null;
}

export async function countPractitioners(): Promise<{ total: number; agency: number }> {
  const [total, agency] = await Promise.all([
    db().practitioner.count({ where: { isActive: true } }),
    db().practitioner.count({ where: { isActive: true, employment: 'AGENCY' } }),
  ]);
  return { total, agency };
}

type PractitionerFields = {
  name: string;
  teamId: string;
  employment: Employment;
  performanceBand: string | null;
  managerId: string | null;
};

function translateWriteError(error: unknown): never {
  if (isUniqueViolation(error))
    throw new RuleError('A practitioner with that reference already exists', 'reference');
  if (isForeignKeyViolation(error)) throw new RuleError('Choose a team and manager that exist', 'teamId');
  throw error;
}

export async function createPractitioner(
  actorId: string,
  input: PractitionerFields & { reference: string },
): Promise<{ id: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const practitioner = await tx.practitioner.create({ data: input, select: { id: true } });
      await recordAuditEvent(tx, {
        actorId,
        action: 'practitioner.created',
        entityType: 'practitioner',
        entityId: practitioner.id,
        detail: input,
      });
      return practitioner;
    });
  } catch (error) {
    translateWriteError(error);
  }
}

export async function updatePractitioner(
  actorId: string,
  input: PractitionerFields & { practitionerId: string; version: number; isActive: boolean },
): Promise<void> {
  const { practitionerId, version, ...fields } = input;
  try {
    await db().$transaction(async (tx) => {
      const { count } = await tx.practitioner.updateMany({
        where: { id: practitionerId, version },
        data: { ...fields, version: { increment: 1 } },
      });
      await assertVersionedUpdate(
        count,
        () =>
          tx.practitioner.findUnique({
            where: { id: practitionerId },
            select: { id: true },
          }),
        'practitioner',
      );
      await recordAuditEvent(tx, {
        actorId,
        action: 'practitioner.updated',
        entityType: 'practitioner',
        entityId: practitionerId,
        detail: fields,
      });
    });
  } catch (error) {
    translateWriteError(error);
  }
}

export async function organisationLookup(): Promise<OrganisationLookup> {
  const [teams, users] = await Promise.all([
    db().team.findMany({ select: { id: true, name: true, serviceArea: { select: { code: true } } } }),
    db().user.findMany({ where: { isActive: true }, select: { id: true, email: true } }),
  ]);
  const areaCodes = new Set<string>();
  const teamIdByAreaAndName = new Map<string, string>();
  for (const team of teams) {
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
  };
}

/**
 * All-or-nothing: new references are created, changed ones updated, the rest
 * left alone, so importing the same file twice changes nothing the second time.
 */
export async function importPractitioners(
  actorId: string,
  rows: PractitionerRow[],
): Promise<{ created: number; updated: number; unchanged: number }> {
  return db().$transaction(
    async (tx) => {
      const existing = await tx.practitioner.findMany({
        where: { reference: { in: rows.map((row) => row.reference) } },
        select: {
          id: true,
          reference: true,
          name: true,
          teamId: true,
          employment: true,
          performanceBand: true,
          managerId: true,
        },
      });
      const byReference = new Map(existing.map((row) => [row.reference, row]));
      const toCreate = rows.filter((row) => !byReference.has(row.reference));
      const toUpdate = rows.filter((row) => {
        const current = byReference.get(row.reference);
        return (
          current !== undefined &&
          (current.name !== row.name ||
            current.teamId !== row.teamId ||
            current.employment !== row.employment ||
            current.performanceBand !== row.performanceBand ||
            current.managerId !== row.managerId)
        );
      });
      if (toCreate.length > 0) {
        await tx.practitioner.createMany({
          data: toCreate.map(({ reference, name, teamId, employment, performanceBand, managerId }) => ({
            reference,
            name,
            teamId,
            employment,
            performanceBand,
            managerId,
          })),
        });
      }
      for (const row of toUpdate) {
        await tx.practitioner.update({
          where: { reference: row.reference },
          data: {
            name: row.name,
            teamId: row.teamId,
            employment: row.employment,
            performanceBand: row.performanceBand,
            managerId: row.managerId,
            version: { increment: 1 },
          },
        });
      }
      const summary = {
        created: toCreate.length,
        updated: toUpdate.length,
        unchanged: rows.length - toCreate.length - toUpdate.length,
      };
      if (summary.created + summary.updated > 0) {
        await recordAuditEvent(tx, {
          actorId,
          action: 'practitioner.imported',
          entityType: 'practitioner',
          entityId: 'import',
          detail: {
            ...summary,
            createdReferences: toCreate.map((row) => row.reference).slice(0, 1000),
            updatedReferences: toUpdate.map((row) => row.reference).slice(0, 1000),
          },
        });
      }
      return summary;
    },
    { timeout: 120_000 },
  );
}
