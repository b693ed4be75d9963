import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecommendationActions } from '@/components/improvement/recommendation-actions';
import { RecommendationEditor } from '@/components/improvement/recommendation-editor';
import { RecommendationSummary } from '@/components/improvement/recommendation-summary';
import { requireActor } from '@/lib/auth/actor';
import { findRegisterOptions } from '@/lib/db/improvement-register';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { isUuid } from '@/lib/schemas/fields';
import { getRecommendation } from '@/lib/use-cases/improvement/get-recommendation';

export const metadata: Metadata = { title: 'Recommendation' };
export const dynamic = 'force-dynamic';

/**
 * A recommendation, composed of sections. Other parts of the improvement loop
 * add their own section here, one line each (see the comments below).
 */
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
  const options = await findRegisterOptions();
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
      {/* measures: <RecommendationMeasures recommendationId={recommendation.id} /> */}
      <RecommendationActions
        recommendationId={recommendation.id}
        actions={recommendation.actions}
        today={today}
        mayManage={mayManage}
        mayUpdate={mayUpdateActions}
        people={options.people}
        audits={options.audits}
      />
      {/* reviews: <RecommendationJudgements recommendationId={recommendation.id} /> */}
      {mayManage && (
        <RecommendationEditor recommendation={recommendation} areas={areas} people={options.people} />
      )}
    </div>
  );
}
