import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReviewItem } from '@/components/improvement/review-item';
import { recordJudgementAction } from '@/lib/actions/improvement-reviews';
import { requireActor } from '@/lib/auth/actor';
import { formatDate } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { isUuid } from '@/lib/schemas/fields';
import { getProgressReview } from '@/lib/use-cases/improvement/get-progress-review';

export const metadata: Metadata = { title: 'Progress review' };
export const dynamic = 'force-dynamic';

/** A progress review: each recommendation with its drafted evidence and the reviewer's judgement. */
export default async function ProgressReviewPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const actor = await requireActor();
  const { reviewId } = await params;
  if (!isUuid(reviewId)) notFound();
  let review;
  try {
    review = await getProgressReview(actor, reviewId);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  const judged = review.items.filter((item) => item.latest).length;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/improvement/reviews">All progress reviews</Link>
      </p>
      <div className="space-y-1">
        <h1>{review.title}</h1>
        <p>
          {review.kindLabel} of <span className="font-semibold">{review.source.title}</span> (
          {review.source.issuedBy}, {formatDate(review.source.issuedOn)}; {review.source.areaLabel})
        </p>
        <p>
          Reviewer: {review.reviewer} · as of {formatDate(review.asOf)} · judged on the scale{' '}
          {review.scaleLabel} · {judged} of {review.items.length} judged
        </p>
      </div>
      <p className="flex flex-wrap gap-3">
        <a className="btn btn-secondary" href={`/improvement/reviews/${review.id}/export/pdf`}>
          Download the review (PDF)
        </a>
        <a className="btn btn-secondary" href={`/improvement/reviews/${review.id}/export/xlsx`}>
          Download the review (XLSX)
        </a>
      </p>
      {review.items.length === 0 && <p>This source has no recommendations to judge yet.</p>}
      {review.items.map((item) => (
        <ReviewItem
          key={item.recommendationId}
          review={review}
          item={item}
          recordAction={recordJudgementAction}
        />
      ))}
    </div>
  );
}
