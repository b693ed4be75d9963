import 'server-only';
import { findAuditsAwaitingIndex, type AuditAwaitingIndex } from '@/lib/db/home';
import type { Actor } from '@/lib/domain/actor';
import { can, NATIONAL } from '@/lib/domain/permissions';

/**
 * Audits not yet sampled, with how much of their window and scope the
 * case-file index covers: only for those who import the index.
 */
export async function findAuditsAwaitingCaseIndex(actor: Actor): Promise<AuditAwaitingIndex[]> {
  if (!can(actor, 'caseIndex.import', NATIONAL)) return [];
  return findAuditsAwaitingIndex();
}
