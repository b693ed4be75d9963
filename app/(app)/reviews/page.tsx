import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { TextAreaField } from '@/components/ui/fields';
import { acknowledgeConcernAction, closeConcernAction, recordAreaReviewAction } from '@/lib/actions/grading';
import { requireActor } from '@/lib/auth/actor';
import { findConcerns } from '@/lib/use-cases/concerns/find-concerns';
import { findAreaReviews } from '@/lib/use-cases/reviews/find-area-reviews';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { acknowledgeBy, CONCERN_STATE_LABELS } from '@/lib/domain/safeguarding';

export const metadata: Metadata = { title: 'Reviews and concerns' };
export const dynamic = 'force-dynamic';

const when = (date: Date) =>
  date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

export default async function ReviewsPage() {
  const actor = await requireActor();
  const scope = actor.serviceAreaId ? inArea(actor.serviceAreaId) : NATIONAL;
  const mayView = actor.serviceAreaId
    ? can(actor, 'areaReview.view', scope)
    : can(actor, 'areaReview.view', inArea('*'));
  if (!mayView) notFound();
  const now = new Date();
  const [reviews, concerns] = await Promise.all([findAreaReviews(actor), findConcerns(actor, now)]);
  const mayRecord =
    actor.serviceAreaId !== null && can(actor, 'areaReview.record', inArea(actor.serviceAreaId));
  const mayRespond = actor.serviceAreaId
    ? can(actor, 'concern.respond', inArea(actor.serviceAreaId))
    : can(actor, 'concern.respond', inArea('*'));
  return (
    <div className="space-y-8">
      <h1>Reviews and concerns</h1>
      <section className="space-y-4" aria-labelledby="concerns-title">
        <h2 id="concerns-title">Safeguarding concerns</h2>
        {concerns.length === 0 && <p>No safeguarding concerns.</p>}
        {concerns.map((concern) => (
          <article
            key={concern.id}
            className={`card space-y-2 ${concern.state === 'overdue' ? 'border-2 border-red-800' : ''}`}
            aria-labelledby={`concern-${concern.id}`}
          >
            <h3 id={`concern-${concern.id}`} className="font-semibold">
              Case {concern.caseReference} · {concern.areaCode} ·{' '}
              <span className={concern.state === 'overdue' ? 'text-red-800' : ''}>
                {CONCERN_STATE_LABELS[concern.state]}
              </span>
            </h3>
            <p className="text-sm text-slate-700">
              Raised by {concern.raisedBy} on {when(concern.raisedAt)} ({concern.auditName}).{' '}
              {concern.acknowledgedAt
                ? `Acknowledged ${when(concern.acknowledgedAt)}.`
                : `Acknowledge by ${when(acknowledgeBy(concern.raisedAt))}.`}
            </p>
            <p className="whitespace-pre-line">{concern.description}</p>
            {concern.closedAt && (
              <p>
                Closed {when(concern.closedAt)}: {concern.actionTaken}
              </p>
            )}
            {mayRespond && !concern.closedAt && !concern.acknowledgedAt && (
              <ActionForm
                action={acknowledgeConcernAction}
                values={{ concernId: concern.id, version: concern.version }}
                submitLabel={`Acknowledge concern on ${concern.caseReference}`}
                successMessage="Acknowledged."
              />
            )}
            {mayRespond && !concern.closedAt && concern.acknowledgedAt && (
              <ActionForm
                action={closeConcernAction}
                values={{ concernId: concern.id, version: concern.version }}
                submitLabel={`Close concern on ${concern.caseReference}`}
                successMessage="Closed."
                className="space-y-2"
              >
                <TextAreaField
                  name="actionTaken"
                  label={`Action taken on ${concern.caseReference}`}
                  hint="For example: referral to the local authority."
                />
              </ActionForm>
            )}
          </article>
        ))}
      </section>
      <section className="space-y-4" aria-labelledby="reviews-title">
        <h2 id="reviews-title">Lowest-grade cases for review</h2>
        {reviews.length === 0 && <p>No cases are waiting for review.</p>}
        {reviews.map((review) => (
          <article key={review.id} className="card space-y-2" aria-labelledby={`review-${review.id}`}>
            <h3 id={`review-${review.id}`} className="font-semibold">
              Case {review.caseReference} · {review.areaCode} · {review.grade} ·{' '}
              {review.reviewedAt ? 'Reviewed' : 'Waiting for review'}
            </h3>
            <p className="text-sm text-slate-700">
              {review.auditName} · {review.practitionerName} · sent {when(review.createdAt)}
            </p>
            {review.rationale && (
              <p className="whitespace-pre-line">Auditor’s rationale: {review.rationale}</p>
            )}
            {actor.serviceAreaId !== null && can(actor, 'challenge.raise', inArea(actor.serviceAreaId)) && (
              <p>
                <Link href={`/challenges/new?case=${review.sampledCaseId}`}>
                  Challenge the grade of {review.caseReference}
                </Link>
              </p>
            )}
            {review.reviewedAt ? (
              <p>
                Reviewed by {review.reviewedBy} on {when(review.reviewedAt)}: {review.actionTaken}
              </p>
            ) : (
              mayRecord && (
                <ActionForm
                  action={recordAreaReviewAction}
                  values={{ reviewId: review.id, version: review.version }}
                  submitLabel={`Record review of ${review.caseReference}`}
                  successMessage="Review recorded."
                  className="space-y-2"
                >
                  <TextAreaField name="actionTaken" label={`What you did about ${review.caseReference}`} />
                </ActionForm>
              )
            )}
          </article>
        ))}
      </section>
    </div>
  );
}
