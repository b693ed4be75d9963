import 'server-only';
import { getCaseToChallenge } from '@/lib/db/challengeable-cases';
import type { Actor } from '@/lib/domain/actor';
import { can, inArea } from '@/lib/domain/permissions';
import type { RubricContent } from '@/lib/domain/rubric';

export type ChallengeableCase = {
  sampledCaseId: string;
  caseReference: string;
  currentGrade: string;
  content: RubricContent;
};

/** The case a Head of Service may challenge: their own area's submitted case; null otherwise. */
export async function getChallengeableCase(
  sampledCaseId: string,
  actor: Actor,
): Promise<ChallengeableCase | null> {
  const target = await getCaseToChallenge(sampledCaseId);
  if (
    !target ||
    target.status !== 'SUBMITTED' ||
    !can(actor, 'challenge.raise', inArea(target.serviceAreaId))
  )
    return null;
  return {
    sampledCaseId,
    caseReference: target.caseReference,
    currentGrade: target.overallGrade ?? '',
    content: target.content,
  };
}
