import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { isoDay } from '@/lib/domain/dates';
import {
  normaliseObservationAnswers,
  type ObservationAnswers,
  type ObservationScope,
  type ObservationSetting,
} from '@/lib/domain/observation';
import { db, type Tx } from './client';

// Practice observations: the practitioner as the scope rules need them, the
// scoped list and one observation, and the versioned writes. Who may do what
// is the use cases' question (lib/use-cases/observations).

export type ObservedPractitionerRow = {
  id: string;
  name: string;
  reference: string;
  teamId: string;
  teamName: string;
  serviceAreaId: string;
  teamServiceManagerId: string | null;
};

export async function loadObservedPractitioner(
  practitionerId: string,
): Promise<ObservedPractitionerRow | null> {
  const row = await db().practitioner.findUnique({
    where: { id: practitionerId },
    select: {
      id: true,
      name: true,
      reference: true,
      isActive: true,
      team: { select: { id: true, name: true, serviceAreaId: true, serviceManagerId: true } },
    },
  });
  if (!row?.isActive) return null;
  return {
    id: row.id,
    name: row.name,
    reference: row.reference,
    teamId: row.team.id,
    teamName: row.team.name,
    serviceAreaId: row.team.serviceAreaId,
    teamServiceManagerId: row.team.serviceManagerId,
  };
}

function scopeWhere(scope: ObservationScope, alias: { observation: string; team: string }) {
  if (scope.serviceAreaId === undefined || scope.serviceManagerId === undefined)
    throw new Error('observation scope must be set');
  const area =
    scope.serviceAreaId === null
      ? Prisma.empty
      : Prisma.sql`AND ${Prisma.raw(alias.observation)}.service_area_id = ${scope.serviceAreaId}`;
  const manager =
    scope.serviceManagerId === null
      ? Prisma.empty
      : Prisma.sql`AND (${Prisma.raw(alias.team)}.service_manager_id = ${scope.serviceManagerId}
                        OR ${Prisma.raw(alias.observation)}.observer_id = ${scope.serviceManagerId})`;
  return Prisma.sql`${area} ${manager}`;
}

export type PractitionerChoice = { id: string; label: string; teamName: string };

/** Whom the form offers: the area's active practitioners, or only a Service Manager's own teams'. */
export async function observablePractitioners(scope: {
  serviceAreaId: string;
  serviceManagerId: string | null;
}): Promise<PractitionerChoice[]> {
  const manager =
    scope.serviceManagerId === null
      ? Prisma.empty
      : Prisma.sql`AND t.service_manager_id = ${scope.serviceManagerId}`;
  const rows = await db().$queryRaw<{ id: string; name: string; reference: string; team_name: string }[]>`
    SELECT p.id, p.name, p.reference, t.name AS team_name
    FROM practitioner p JOIN team t ON t.id = p.team_id
    WHERE p.is_active AND t.service_area_id = ${scope.serviceAreaId} ${manager}
    ORDER BY t.name, p.name, p.reference
    LIMIT 2000`;
  return rows.map((row) => ({
    id: row.id,
    label: `${row.name} (${row.reference}), ${row.team_name}`,
    teamName: row.team_name,
  }));
}

export type ObservationSummary = {
  id: string;
  observedOn: string;
  setting: ObservationSetting;
  practitionerName: string;
  teamName: string;
  areaCode: string;
  observerName: string;
  answers: ObservationAnswers;
};

export type ObservationFilters = { from: string | null; to: string | null; teamId: string | null };

export const OBSERVATION_PAGE_SIZE = 200;

/** The newest first, at most a page: the filters narrow by month and team. */
export async function findObservationSummaries(
  scope: ObservationScope,
  filters: ObservationFilters,
): Promise<{ rows: ObservationSummary[]; total: number }> {
  const period =
    filters.from && filters.to
      ? Prisma.sql`AND o.observed_on BETWEEN ${filters.from}::date AND ${filters.to}::date`
      : Prisma.empty;
  const team = filters.teamId ? Prisma.sql`AND o.team_id = ${filters.teamId}` : Prisma.empty;
  const rows = await db().$queryRaw<
    {
      id: string;
      observed_on: Date;
      setting: ObservationSetting;
      practitioner_name: string;
      team_name: string;
      area_code: string;
      observer_name: string;
      answers: unknown;
      total: bigint;
    }[]
  >`
    SELECT o.id, o.observed_on, o.setting::text AS setting, p.name AS practitioner_name, t.name AS team_name,
           a.code AS area_code, u.name AS observer_name, o.answers, count(*) OVER () AS total
    FROM practice_observation o
    JOIN practitioner p ON p.id = o.practitioner_id
    JOIN team t ON t.id = o.team_id
    JOIN service_area a ON a.id = o.service_area_id
    JOIN app_user u ON u.id = o.observer_id
    WHERE true ${scopeWhere(scope, { observation: 'o', team: 't' })} ${period} ${team}
    ORDER BY o.observed_on DESC, o.created_at DESC
    LIMIT ${OBSERVATION_PAGE_SIZE}`;
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((row) => ({
      id: row.id,
      observedOn: isoDay(row.observed_on),
      setting: row.setting,
      practitionerName: row.practitioner_name,
      teamName: row.team_name,
      areaCode: row.area_code,
      observerName: row.observer_name,
      answers: normaliseObservationAnswers(row.answers),
    })),
  };
}

/** The teams the list can be filtered by: those within the scope that have observations. */
export async function observationTeams(scope: ObservationScope): Promise<{ id: string; name: string }[]> {
  return db().$queryRaw<{ id: string; name: string }[]>`
    SELECT DISTINCT t.id, t.name
    FROM practice_observation o JOIN team t ON t.id = o.team_id
    WHERE true ${scopeWhere(scope, { observation: 'o', team: 't' })}
    ORDER BY t.name`;
}

export type ObservationDetail = ObservationSummary & {
  serviceAreaId: string;
  teamServiceManagerId: string | null;
  observerId: string;
  practitionerReference: string;
  feedback: string;
  version: number;
  createdAt: Date;
};

export async function loadObservation(observationId: string): Promise<ObservationDetail | null> {
  const [row] = await db().$queryRaw<
    {
      id: string;
      observed_on: Date;
      setting: ObservationSetting;
      practitioner_name: string;
      practitioner_reference: string;
      team_name: string;
      area_code: string;
      observer_name: string;
      observer_id: string;
      service_area_id: string;
      service_manager_id: string | null;
      answers: unknown;
      feedback: string;
      version: number;
      created_at: Date;
    }[]
  >`
    SELECT o.id, o.observed_on, o.setting::text AS setting, p.name AS practitioner_name,
           p.reference AS practitioner_reference, t.name AS team_name, a.code AS area_code, u.name AS observer_name,
           o.observer_id, o.service_area_id, t.service_manager_id, o.answers, o.feedback, o.version, o.created_at
    FROM practice_observation o
    JOIN practitioner p ON p.id = o.practitioner_id
    JOIN team t ON t.id = o.team_id
    JOIN service_area a ON a.id = o.service_area_id
    JOIN app_user u ON u.id = o.observer_id
    WHERE o.id = ${observationId}`;
  if (!row) return null;
  return {
    id: row.id,
    observedOn: isoDay(row.observed_on),
    setting: row.setting,
    practitionerName: row.practitioner_name,
    practitionerReference: row.practitioner_reference,
    teamName: row.team_name,
    areaCode: row.area_code,
    observerName: row.observer_name,
    observerId: row.observer_id,
    serviceAreaId: row.service_area_id,
    teamServiceManagerId: row.service_manager_id,
    answers: normaliseObservationAnswers(row.answers),
    feedback: row.feedback,
    version: row.version,
    createdAt: row.created_at,
  };
}

export type NewObservation = {
  serviceAreaId: string;
  teamId: string;
  practitionerId: string;
  observerId: string;
  observedOn: string;
  setting: ObservationSetting;
  answers: ObservationAnswers;
  feedback: string;
};

export async function insertObservation(tx: Tx, observation: NewObservation, now: Date): Promise<string> {
  const created = await tx.practiceObservation.create({
    data: { ...observation, observedOn: new Date(`${observation.observedOn}T00:00:00Z`), createdAt: now },
    select: { id: true },
  });
  return created.id;
}

/** Conflict-guarded: false when someone else saved a newer version first. */
export async function updateObservation(
  tx: Tx,
  observationId: string,
  expectedVersion: number,
  change: { observedOn: string; setting: ObservationSetting; answers: ObservationAnswers; feedback: string },
): Promise<boolean> {
  const updated = await tx.practiceObservation.updateMany({
    where: { id: observationId, version: expectedVersion },
    data: {
      observedOn: new Date(`${change.observedOn}T00:00:00Z`),
      setting: change.setting,
      answers: change.answers,
      feedback: change.feedback,
      version: { increment: 1 },
    },
  });
  return updated.count === 1;
}
