import 'server-only';
import {
  findObservationSummaries,
  observationTeams,
  OBSERVATION_PAGE_SIZE,
  type ObservationSummary,
} from '@/lib/db/observations';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { monthBounds, observationScope } from '@/lib/domain/observation';
import { can, inArea } from '@/lib/domain/permissions';

export type ObservationList = {
  rows: ObservationSummary[];
  total: number;
  pageSize: number;
  teams: { id: string; name: string }[];
  /** Whether this person may record one (a Service Manager or Head of Practice in their area). */
  canRecord: boolean;
};

/** The observations the person may see, newest first, narrowed by month and team. */
export async function findObservations(
  actor: Actor,
  filters: { month: string | null; teamId: string | null; serviceAreaId: string | null },
): Promise<ObservationList> {
  const scope = observationScope(actor, filters.serviceAreaId);
  if (!scope) throw new NotFoundOrForbiddenError('observation.view');
  const period = filters.month ? monthBounds(filters.month) : { from: null, to: null };
  const [found, teams] = await Promise.all([
    findObservationSummaries(scope, { ...period, teamId: filters.teamId }),
    observationTeams(scope),
  ]);
  return {
    ...found,
    pageSize: OBSERVATION_PAGE_SIZE,
    teams,
    canRecord: actor.serviceAreaId !== null && can(actor, 'observation.record', inArea(actor.serviceAreaId)),
  };
}
