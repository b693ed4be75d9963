import 'server-only';
import { findLocalProgrammes as loadProgrammes, type LocalProgrammeSummary } from '@/lib/db/local-programmes';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';

/** Every programme for those who run them nationally; a Head of Practice's area's and the national ones. */
export async function findLocalProgrammes(actor: Actor): Promise<LocalProgrammeSummary[]> {
  if (can(actor, 'localProgramme.manage', NATIONAL)) return loadProgrammes(null);
  if (actor.serviceAreaId && can(actor, 'localProgramme.manage', inArea(actor.serviceAreaId)))
    return loadProgrammes(actor.serviceAreaId);
  throw new NotFoundOrForbiddenError('localProgramme.manage');
}
