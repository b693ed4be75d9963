import 'server-only';
import { holdsUnsubmittedBenchmark } from '@/lib/db/blind';
import { auditChallengeFigures } from '@/lib/db/challenges';
import type { Actor } from '@/lib/domain/actor';
import { challengeFiguresScope } from '@/lib/domain/challenges';

export type AuditChallengeFiguresView =
  | { shown: false; reason: 'withheld-while-benchmarking' }
  | {
      shown: true;
      /** Null: every area's; else the reader's own area alone. */
      serviceAreaId: string | null;
      figures: Awaited<ReturnType<typeof auditChallengeFigures>>;
    };

/**
 * The challenge figures of an audit as its page shows them to `actor`: an area
 * role only its own area's (challengeFiguresScope); nothing while the actor
 * benchmarks blind in the audit; null for someone who reads no challenges.
 */
export async function getAuditChallengeFigures(
  actor: Actor,
  auditId: string,
): Promise<AuditChallengeFiguresView | null> {
  const scope = challengeFiguresScope(actor);
  if (!scope) return null;
  if (await holdsUnsubmittedBenchmark(actor, auditId))
    return { shown: false, reason: 'withheld-while-benchmarking' };
  return {
    shown: true,
    serviceAreaId: scope.serviceAreaId,
    figures: await auditChallengeFigures(auditId, scope.serviceAreaId),
  };
}
