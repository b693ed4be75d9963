import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextAreaField } from '@/components/ui/fields';
import { DataTable } from '@/components/ui/data-table';
import type { ActionResult } from '@/lib/actions/result';
import type { ReviewItemView, ReviewView } from '@/lib/domain/review-view';
import { JudgementRecord } from './judgement-history';

/**
 * One recommendation in a review: what it arose from, the drafted evidence,
 * the figures, the judgement that counts (with the figures as judged beside
 * the figures now), earlier judgements, and the form to (re-)judge it.
 */
export function ReviewItem({
  review,
  item,
  recordAction,
}: {
  review: Pick<ReviewView, 'id' | 'options' | 'canRecord'>;
  item: ReviewItemView;
  recordAction: (input: unknown) => Promise<ActionResult<{ judgementId: string }>>;
}) {
  const headingId = `rec-${item.recommendationId}`;
  return (
    <article className="card space-y-4" aria-labelledby={headingId}>
      <header className="space-y-1">
        <h2 id={headingId} className="text-lg">
          {item.number}: {item.text}
        </h2>
        <p className="text-sm text-slate-700">{item.kindLabel}</p>
        <p>{item.aroseFrom}</p>
      </header>
      <section className="space-y-1" aria-label={`Drafted evidence for ${item.number}`}>
        <h3 className="font-semibold">Drafted evidence of progress</h3>
        <p className="whitespace-pre-line rounded border border-slate-200 bg-slate-50 p-3">{item.draft}</p>
      </section>
      {item.latest ? (
        <section className="space-y-2" aria-label={`Judgement of ${item.number}`}>
          <h3 className="font-semibold">Judgement</h3>
          <JudgementRecord judgement={item.latest} />
          {item.comparison.length > 0 && (
            <DataTable
              caption={`${item.number}: the measures as judged and now`}
              captionStyle="title"
              columns={[
                { header: 'Measure', cell: (row) => row.label, isRowHeader: true },
                { header: 'As judged', cell: (row) => row.asJudged },
                { header: 'Now', cell: (row) => row.now },
                { header: 'Changed since', cell: (row) => (row.differs ? 'Yes' : 'No') },
              ]}
              rows={item.comparison}
              rowKey={(row, index) => `${row.label}-${index}`}
            />
          )}
          {item.earlier.length > 0 && (
            <details>
              <summary className="cursor-pointer">
                Earlier judgements in this review ({item.earlier.length})
              </summary>
              <ol className="mt-2 space-y-3">
                {item.earlier.map((judgement) => (
                  <li key={judgement.id}>
                    <JudgementRecord judgement={judgement} />
                  </li>
                ))}
              </ol>
            </details>
          )}
        </section>
      ) : (
        item.figuresNow.length > 0 && (
          <section aria-label={`Measures of ${item.number}`}>
            <h3 className="font-semibold">Measures</h3>
            <ul className="list-disc pl-5">
              {item.figuresNow.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          </section>
        )
      )}
      {review.canRecord && (
        <section aria-label={`Record a judgement of ${item.number}`}>
          <h3 className="font-semibold">{item.latest ? 'Judge again' : 'Record the judgement'}</h3>
          <ActionForm
            action={recordAction}
            values={{
              reviewId: review.id,
              recommendationId: item.recommendationId,
              basedOn: item.latest?.id ?? '',
            }}
            submitLabel={`Record judgement of ${item.number}`}
            successMessage={`Judgement of ${item.number} recorded.`}
          >
            <TextAreaField
              name="evidence"
              label={`Evidence of progress for ${item.number}`}
              hint="Starts as the drafted evidence: edit it into what the review found."
              defaultValue={item.latest?.evidence ?? item.draft}
              rows={8}
            />
            <SelectField
              name="judgement"
              label={`Judgement of ${item.number}`}
              hint={
                item.proposal
                  ? `Suggested: ${item.proposal.label}, because ${item.proposal.why}. Nothing is recorded until you choose.`
                  : undefined
              }
              options={[...review.options]}
              placeholder="Choose a judgement"
            />
            <TextAreaField
              name="reason"
              label={`Reason for the judgement of ${item.number}`}
              hint="Why the evidence supports this judgement, in the words of the review."
              rows={3}
            />
          </ActionForm>
        </section>
      )}
    </article>
  );
}
