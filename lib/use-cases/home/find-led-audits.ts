import 'server-only';
import { findAuditsLedBy, type LedAudit } from '@/lib/db/home';
import type { Actor } from '@/lib/domain/actor';
import { can, NATIONAL } from '@/lib/domain/permissions';

/** The audits this person leads (newest first), with what the next step depends on; none unless they manage audits. */
export async function findLedAudits(actor: Actor): Promise<LedAudit[]> {
  if (!can(actor, 'audit.manage', NATIONAL)) return [];
  return findAuditsLedBy(actor.userId);
}
