import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import type { DraftAction, DraftAudit } from '@/lib/domain/review-drafting';
import { db } from './client';

// What a review drafts each recommendation's evidence from: its actions (with
// the latest update on or before the review's date) and the audits linked to it.

export type ReviewRecommendationRow = {
  id: string;
  number: string;
  text: string;
  kind: 'RECOMMENDATION' | 'PRACTICE_IMPROVEMENT_POINT';
  aroseFrom: string;
  actions: DraftAction[];
  audits: DraftAudit[];
};

/** Numbers in their natural order: "Rec 2" before "Rec 10". */
function byNumber(a: { number: string }, b: { number: string }): number {
  return a.number.localeCompare(b.number, 'en-GB', { numeric: true });
}

export async function findReviewRecommendations(
  sourceId: string,
  asOf: string,
): Promise<ReviewRecommendationRow[]> {
  const endOfDay = new Date(`${asOf}T23:59:59.999Z`);
  const recommendations = await db().recommendation.findMany({
    where: { sourceId },
    select: {
      id: true,
      number: true,
      text: true,
      kind: true,
      aroseFrom: true,
      actions: {
        select: {
          id: true,
          description: true,
          status: true,
          dueOn: true,
          droppedReason: true,
          history: {
            where: { occurredAt: { lte: endOfDay }, text: { not: '' } },
            select: { occurredAt: true, text: true },
            orderBy: { occurredAt: 'desc' },
            take: 1,
          },
        },
        orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
      },
      audits: { select: { auditId: true, commissioned: true } },
    },
  });
  const auditIds = recommendations.flatMap((recommendation) =>
    recommendation.audits.map((link) => link.auditId),
  );
  const audits =
    auditIds.length === 0
      ? []
      : await db().audit.findMany({
          where: { id: { in: [...new Set(auditIds)] } },
          select: { id: true, name: true, windowTo: true, status: true },
        });
  const auditById = new Map(audits.map((audit) => [audit.id, audit]));
  return recommendations.sort(byNumber).map((recommendation) => ({
    id: recommendation.id,
    number: recommendation.number,
    text: recommendation.text,
    kind: recommendation.kind,
    aroseFrom: recommendation.aroseFrom,
    actions: recommendation.actions.map((action) => {
      const update = action.history[0];
      return {
        description: action.description,
        status: action.status,
        dueOn: isoDay(action.dueOn),
        droppedReason: action.droppedReason,
        latestUpdate: update ? { on: isoDay(update.occurredAt), text: update.text } : null,
      };
    }),
    audits: recommendation.audits
      .map((link) => {
        const audit = auditById.get(link.auditId);
        return audit
          ? {
              name: audit.name,
              on: isoDay(audit.windowTo),
              isPublished: audit.status === 'PUBLISHED',
              commissioned: link.commissioned,
            }
          : null;
      })
      .filter((audit): audit is DraftAudit => audit !== null)
      .sort((a, b) => a.on.localeCompare(b.on)),
  }));
}
