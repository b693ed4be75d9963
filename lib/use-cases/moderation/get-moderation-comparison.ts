import 'server-only';
import { getModerationComparison as loadComparison } from '@/lib/db/local-moderations';
import type { Actor } from '@/lib/domain/actor';
import type { AuditStatus } from '@/lib/domain/audits';
import { compareGradings, type Difference, type Grades } from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { reasonNotToAgree } from '@/lib/domain/local-moderation';
import { can, inArea } from '@/lib/domain/permissions';
import type { RubricContent } from '@/lib/domain/rubric';

export type ModerationComparison = {
  moderationId: string;
  version: number;
  auditName: string;
  auditStatus: AuditStatus;
  caseReference: string;
  areaCode: string;
  practitionerName: string;
  teamName: string | null;
  managerName: string;
  moderatorName: string;
  status: string;
  content: RubricContent;
  /** The manager's grades. */
  first: Grades;
  /** The moderator's. */
  second: Grades;
  differences: Difference[];
  agreed: { overall: string | null; sections: Record<string, string>; reason: string } | null;
  canAgree: boolean;
  /** Why the agreed grade cannot be recorded, shown instead of the form; null when it can or is done. */
  agreeRefusal: string | null;
};

/**
 * The manager's and the moderator's gradings side by side, for the area's
 * Heads of Practice. Refused until the moderator has submitted: before that,
 * the manager's grades must not reach anyone through here.
 */
export async function getModerationComparison(
  actor: Actor,
  moderationId: string,
): Promise<ModerationComparison> {
  const target = await loadComparison(moderationId);
  if (!target || !target.stored || !can(actor, 'moderation.grade', inArea(target.serviceAreaId)))
    throw new NotFoundOrForbiddenError('moderation.grade');
  const { first, second, differences } = compareGradings(target.content, target.stored);
  const refusal = reasonNotToAgree(target);
  const mayAgree = can(actor, 'moderation.agree', inArea(target.serviceAreaId));
  return {
    moderationId: target.moderationId,
    version: target.version,
    auditName: target.auditName,
    auditStatus: target.auditStatus,
    caseReference: target.caseReference,
    areaCode: target.areaCode,
    practitionerName: target.practitionerName,
    teamName: target.teamName,
    managerName: target.managerName,
    moderatorName: target.moderatorName,
    status: target.status,
    content: target.content,
    first,
    second,
    differences,
    agreed: target.agreed,
    canAgree: mayAgree && refusal === null,
    agreeRefusal: mayAgree && target.status === 'SUBMITTED' ? refusal : null,
  };
}
