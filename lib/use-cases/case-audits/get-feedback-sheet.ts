import 'server-only';
import { loadFeedbackSheet, type FeedbackSheet } from '@/lib/db/case-audits';
import type { Actor } from '@/lib/domain/actor';
import { can, inArea } from '@/lib/domain/permissions';

/**
 * The submitted grades for the practitioner and their manager: the auditor of
 * record by right, and whoever may read the area's reviews (the audit lead,
 * the area's leaders). A benchmarker still grading the case blind gets nothing.
 */
export async function getFeedbackSheet(actor: Actor, sampledCaseId: string): Promise<FeedbackSheet | null> {
  const row = await loadFeedbackSheet(sampledCaseId, actor.userId);
  if (!row) return null;
  const { auditorId, serviceAreaId, ...sheet } = row;
  if (auditorId !== actor.userId && !can(actor, 'areaReview.view', inArea(serviceAreaId))) return null;
  return sheet;
}
