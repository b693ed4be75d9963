import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecommendationActions } from '@/components/improvement/recommendation-actions';
import { RecommendationEditor } from '@/components/improvement/recommendation-editor';
import { RecommendationMeasures } from '@/components/improvement/recommendation-measures';
import { RecommendationSummary } from '@/components/improvement/recommendation-summary';
import { requireActor } from '@/lib/auth/actor';
import { findRegisterOptions } from '@/lib/db/improvement-register';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { isUuid } from '@/lib/schemas/fields';
import { getRecommendation } from '@/lib/use-cases/improvement/get-recommendation';
import { getRecommendationMeasures } from '@/lib/use-cases/improvement/get-recommendation-measures';
import { RecommendationJudgementsSection } from './judgements-section';

export const metadata: Metadata = { title: 'Recommendation' };
export const dynamic = 'force-dynamic';

/** A recommendation, composed of sections: summary, measures, actions, judgements, editing. */
export default async function RecommendationPage({
  params,
}: {
  params: Promise<{ recommendationId: string }>;
}) {
  const actor = await requireActor();
  const { recommendationId } = await params;
  if (!isUuid(recommendationId)) notFound();
  let found: Awaited<ReturnType<typeof getRecommendation>>;
  try {
    found = await getRecommendation(actor, recommendationId);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  const { recommendation, mayManage, mayUpdateActions } = found;
  const today = isoDay(new Date());
  const [options, measures] = await Promise.all([
    findRegisterOptions(),
    getRecommendationMeasures(actor, recommendation.id),
  ]);
  const areas = recommendation.sourceServiceAreaId
    ? options.areas.filter((area) => area.id === recommendation.sourceServiceAreaId)
    : options.areas;
  return (
    <div className="space-y-8">
      <p>
        <Link href={`/improvement/sources/${recommendation.sourceId}`}>
          Back to {recommendation.sourceTitle}
        </Link>
      </p>
      <h1>Recommendation {recommendation.number}</h1>
      <RecommendationSummary recommendation={recommendation} today={today} mayManage={mayManage} />
      <RecommendationMeasures view={measures} />
      <RecommendationActions
        recommendationId={recommendation.id}
        actions={recommendation.actions}
        today={today}
        mayManage={mayManage}
        mayUpdate={mayUpdateActions}
        people={options.people}
        audits={options.audits}
      />
      <RecommendationJudgementsSection recommendationId={recommendation.id} />
      {mayManage && (
        <RecommendationEditor recommendation={recommendation} areas={areas} people={options.people} />
      )}
    </div>
  );
}
