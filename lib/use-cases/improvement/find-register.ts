import 'server-only';
import {
  findRegister as findRegisterRows,
  findSources,
  type RegisterFilter,
  type RegisterRow,
  type SourceSummary,
} from '@/lib/db/improvement-register';
import type { Actor } from '@/lib/domain/actor';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { registerReach } from '@/lib/domain/improvement';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';

export type Register = {
  rows: RegisterRow[];
  sources: SourceSummary[];
  /** Where this person may add a source: national ones, and/or their own area's. */
  mayAddNational: boolean;
  mayAddInArea: string | null;
  mayImport: boolean;
};

/** The register as this person may read it: national sources and, for an area's leaders, their own area's. */
export async function findRegister(actor: Actor, filter: RegisterFilter, now: Date): Promise<Register> {
  const reach = registerReach(actor);
  if (!reach) throw new NotFoundOrForbiddenError('recommendation.view');
  const [rows, sources] = await Promise.all([
    findRegisterRows(reach, filter, isoDay(now)),
    findSources(reach),
  ]);
  const own = actor.serviceAreaId;
  return {
    rows,
    sources,
    mayAddNational: can(actor, 'recommendation.manage', NATIONAL),
    mayAddInArea: own && can(actor, 'recommendation.manage', inArea(own)) ? own : null,
    mayImport: can(actor, 'recommendation.import', NATIONAL),
  };
}
