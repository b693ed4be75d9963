import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { setRecommendationStatusAction } from '@/lib/actions/improvement-register';
import { LAW_TYPE_LABELS, type LawType } from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
import {
  isRecommendationOverdue,
  RECOMMENDATION_KIND_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  type RecommendationKind,
  type RecommendationStatus,
} from '@/lib/domain/improvement';
import { OverdueTag } from './overdue-tag';

export type RecommendationSummaryView = {
  id: string;
  sourceId: string;
  sourceTitle: string;
  text: string;
  kind: RecommendationKind;
  serviceAreaCodes: string[];
  lawTypes: LawType[];
  ownerName: string | null;
  dueOn: string | null;
  status: RecommendationStatus;
  version: number;
};

/** What the recommendation says, where it arose, who owns it, and its status (closing asks first). */
export function RecommendationSummary({
  recommendation,
  today,
  mayManage,
}: {
  recommendation: RecommendationSummaryView;
  today: string;
  mayManage: boolean;
}) {
  const closing = recommendation.status === 'OPEN';
  return (
    <section className="card space-y-4" aria-labelledby="summary-title">
      <h2 id="summary-title" className="sr-only">
        The recommendation
      </h2>
      <p className="text-lg whitespace-pre-line">{recommendation.text}</p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Arose from</dt>
        <dd>
          <Link href={`/improvement/sources/${recommendation.sourceId}`}>{recommendation.sourceTitle}</Link>
        </dd>
        <dt className="font-medium">Kind</dt>
        <dd>{RECOMMENDATION_KIND_LABELS[recommendation.kind]}</dd>
        <dt className="font-medium">Scope</dt>
        <dd>
          {recommendation.serviceAreaCodes.length > 0
            ? recommendation.serviceAreaCodes.join(', ')
            : 'National'}
          {recommendation.lawTypes.length > 0
            ? ` · ${recommendation.lawTypes.map((lawType) => LAW_TYPE_LABELS[lawType]).join(', ')}`
            : ' · every law type'}
        </dd>
        <dt className="font-medium">Owner</dt>
        <dd>{recommendation.ownerName ?? 'No owner yet'}</dd>
        <dt className="font-medium">Due</dt>
        <dd>
          {recommendation.dueOn ? formatDate(recommendation.dueOn) : 'No due date'}
          {isRecommendationOverdue(recommendation, today) && <OverdueTag />}
        </dd>
        <dt className="font-medium">Status</dt>
        <dd>{RECOMMENDATION_STATUS_LABELS[recommendation.status]}</dd>
      </dl>
      {mayManage && (
        <ActionForm
          action={setRecommendationStatusAction}
          values={{
            recommendationId: recommendation.id,
            version: recommendation.version,
            status: closing ? 'CLOSED' : 'OPEN',
          }}
          submitLabel={closing ? 'Close recommendation' : 'Reopen recommendation'}
          successMessage={closing ? 'Recommendation closed.' : 'Recommendation reopened.'}
          variant={closing ? 'danger' : 'secondary'}
          confirm={
            closing
              ? {
                  title: `Close recommendation?`,
                  body: 'Closed recommendations stay in the register with their actions and history; you can reopen it.',
                  confirmLabel: 'Yes, close it',
                }
              : undefined
          }
        />
      )}
    </section>
  );
}
