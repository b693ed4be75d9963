import 'server-only';
import { findAuditsCommissionedBy, type CommissionedAudit } from '@/lib/db/home';
import type { Actor } from '@/lib/domain/actor';
import { can, NATIONAL } from '@/lib/domain/permissions';

/** Audits the National Service Director commissioned, still running first. */
export async function findCommissionedAudits(actor: Actor): Promise<CommissionedAudit[]> {
  if (!can(actor, 'challenge.adjudicate', NATIONAL)) return [];
  return findAuditsCommissionedBy(actor.userId);
}
