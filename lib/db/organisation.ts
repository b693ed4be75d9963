import 'server-only';
import { db, type Tx } from './client';
import { recordAuditEvent } from './audit-events';
import { isForeignKeyViolation, isUniqueViolation } from './errors';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { assertVersionedUpdate } from './versioned';

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

export async function createServiceArea(
  actorId: string,
  input: { code: string; name: string },
): Promise<{ id: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const last = await tx.serviceArea.aggregate({ _max: { sortOrder: true } });
      const area = await tx.serviceArea.create({
        data: { code: input.code, name: input.name, sortOrder: (last._max.sortOrder ?? 0) + 1 },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId,
        action: 'service-area.created',
        entityType: 'service_area',
        entityId: area.id,
        detail: input,
      });
      return area;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleError('A service area with that code already exists', 'code');
    throw error;
  }
}

export async function updateServiceArea(
  actorId: string,
  input: { serviceAreaId: string; version: number; name: string },
): Promise<void> {
  await db().$transaction(async (tx: Tx) => {
    const { count } = await tx.serviceArea.updateMany({
      where: { id: input.serviceAreaId, version: input.version },
      data: { name: input.name, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.serviceArea.findUnique({ where: { id: input.serviceAreaId }, select: { id: true } }),
      'service area',
    );
    await recordAuditEvent(tx, {
      actorId,
      action: 'service-area.renamed',
      entityType: 'service_area',
      entityId: input.serviceAreaId,
      detail: { name: input.name },
    });
  });
}

export async function createTeam(
  actorId: string,
  input: { serviceAreaId: string; name: string },
): Promise<{ id: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const team = await tx.team.create({ data: input, select: { id: true } });
      await recordAuditEvent(tx, {
        actorId,
        action: 'team.created',
        entityType: 'team',
        entityId: team.id,
        detail: input,
      });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RuleError('That service area already has a team with this name', 'name');
    if (isForeignKeyViolation(error)) throw new NotFoundOrForbiddenError();
    throw error;
  }
}

export async function updateTeam(
  actorId: string,
  input: { teamId: string; version: number; name: string },
): Promise<void> {
  try {
    await db().$transaction(async (tx) => {
      const { count } = await tx.team.updateMany({
        where: { id: input.teamId, version: input.version },
        data: { name: input.name, version: { increment: 1 } },
      });
      await assertVersionedUpdate(
        count,
        () => tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } }),
        'team',
      );
      await recordAuditEvent(tx, {
        actorId,
        action: 'team.renamed',
        entityType: 'team',
        entityId: input.teamId,
        detail: { name: input.name },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RuleError('That service area already has a team with this name', 'name');
    throw error;
  }
}

export async function getServiceAreaCode(serviceAreaId: string): Promise<string | null> {
  const area = await db().serviceArea.findUnique({ where: { id: serviceAreaId }, select: { code: true } });
  return area?.code ?? null;
}
