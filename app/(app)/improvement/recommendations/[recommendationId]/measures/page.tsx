import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecommendationMeasures } from '@/components/improvement/recommendation-measures';
import { requireActor } from '@/lib/auth/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { isUuid } from '@/lib/schemas/fields';
import { getRecommendationMeasures } from '@/lib/use-cases/improvement/get-recommendation-measures';

export const metadata: Metadata = { title: 'Measures' };
export const dynamic = 'force-dynamic';

/** A recommendation's measures on a page of their own (the recommendation page shows the same section). */
export default async function RecommendationMeasuresPage({
  params,
}: {
  params: Promise<{ recommendationId: string }>;
}) {
  const actor = await requireActor();
  const { recommendationId } = await params;
  if (!isUuid(recommendationId)) notFound();
  let view;
  try {
    view = await getRecommendationMeasures(actor, recommendationId);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/improvement/recommendations/${recommendationId}`} prefetch={false}>
          Back to the recommendation
        </Link>
      </p>
      <div>
        <h1>Measures of recommendation {view.recommendation.number}</h1>
        <p className="mt-1 text-slate-700">
          {view.recommendation.text} ({view.recommendation.sourceTitle})
        </p>
      </div>
      <RecommendationMeasures view={view} />
    </div>
  );
}
