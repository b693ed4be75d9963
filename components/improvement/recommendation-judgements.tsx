import Link from 'next/link';
import { formatDate } from '@/lib/domain/dates';
import type { RecommendationJudgementView } from '@/lib/domain/review-view';
import { JudgementRecord } from './judgement-history';

/**
 * The recommendation page's judgements section: every progress review's
 * judgement of it, newest first; in each review the latest counts and the
 * earlier ones stay as history.
 */
export function RecommendationJudgements({ judgements }: { judgements: RecommendationJudgementView[] }) {
  return (
    <section className="space-y-3" aria-labelledby="recommendation-judgements-title">
      <h2 id="recommendation-judgements-title">Judgements of progress</h2>
      {judgements.length === 0 ? (
        <p>No progress review has judged this recommendation yet.</p>
      ) : (
        <ol className="space-y-3">
          {judgements.map((judgement) => (
            <li key={judgement.id} className={`card space-y-1 ${judgement.counts ? '' : 'opacity-90'}`}>
              <p className="text-sm text-slate-700">
                <Link href={`/improvement/reviews/${judgement.reviewId}`}>{judgement.reviewTitle}</Link> ·{' '}
                {judgement.reviewKind}
                {judgement.reviewAsOf ? ` as of ${formatDate(judgement.reviewAsOf)}` : ''} ·{' '}
                {judgement.counts ? (
                  <span className="tag">Counts</span>
                ) : (
                  <span className="tag">Superseded</span>
                )}
              </p>
              <JudgementRecord judgement={judgement} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
