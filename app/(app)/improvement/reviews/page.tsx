import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CreateReviewForm } from '@/components/improvement/create-review-form';
import { DataTable } from '@/components/ui/data-table';
import { createProgressReviewAction } from '@/lib/actions/improvement-reviews';
import { requireActor } from '@/lib/auth/actor';
import { formatDate, isoDay } from '@/lib/domain/dates';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { REVIEW_KIND_LABELS } from '@/lib/domain/progress-reviews';
import { isUuid } from '@/lib/schemas/fields';
import { findProgressReviews } from '@/lib/use-cases/improvement/find-progress-reviews';

export const metadata: Metadata = { title: 'Progress reviews' };
export const dynamic = 'force-dynamic';

/** Every source the reader may see, with its progress reviews; start one where you may record. */
export default async function ProgressReviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const where = actor.serviceAreaId ? inArea(actor.serviceAreaId) : NATIONAL;
  if (!can(actor, 'recommendation.view', NATIONAL) && !can(actor, 'recommendation.view', where)) notFound();
  const sources = await findProgressReviews(actor);
  const requested = (await searchParams).sourceId;
  const recordable = sources.filter((source) => source.canRecord);
  const selected =
    typeof requested === 'string' && isUuid(requested) && recordable.some((source) => source.id === requested)
      ? requested
      : null;
  return (
    <div className="space-y-8">
      <h1>Progress reviews</h1>
      <p className="max-w-3xl">
        A review judges each of a source&rsquo;s recommendations on the source&rsquo;s own scale. Threshold
        drafts the evidence from the measures, actions and linked audits; the reviewer edits it and chooses
        the judgement, with a reason.
      </p>
      {recordable.length > 0 && (
        <section className="card space-y-3" aria-labelledby="start-review-title">
          <h2 id="start-review-title">Start a review</h2>
          <CreateReviewForm
            sources={recordable.map((source) => ({ id: source.id, title: source.title }))}
            selectedSourceId={selected}
            today={isoDay(new Date())}
            createAction={createProgressReviewAction}
          />
        </section>
      )}
      {sources.length === 0 && (
        <p>No recommendations have been recorded yet, so there is nothing to review.</p>
      )}
      {sources.map((source) => (
        <section key={source.id} className="space-y-2" aria-labelledby={`source-${source.id}`}>
          <h2 id={`source-${source.id}`}>{source.title}</h2>
          <p className="text-sm text-slate-700">
            {source.issuedBy}, {formatDate(source.issuedOn)} · {source.areaCode ?? 'National'} ·{' '}
            {source.recommendations} recommendation{source.recommendations === 1 ? '' : 's'}
          </p>
          <DataTable
            caption={`Reviews of ${source.title}`}
            captionStyle="hidden"
            columns={[
              {
                header: 'Review',
                cell: (review) => <Link href={`/improvement/reviews/${review.id}`}>{review.title}</Link>,
                isRowHeader: true,
              },
              { header: 'Kind', cell: (review) => REVIEW_KIND_LABELS[review.kind] },
              { header: 'As of', cell: (review) => formatDate(review.asOf) },
              { header: 'Reviewer', cell: (review) => review.reviewer },
              {
                header: 'Judged',
                cell: (review) => `${review.judged} of ${source.recommendations}`,
                isNumeric: true,
              },
            ]}
            rows={source.reviews}
            rowKey={(review) => review.id}
            empty="No reviews of this source yet."
          />
        </section>
      ))}
    </div>
  );
}
