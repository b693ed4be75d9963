import { RecommendationJudgements } from '@/components/improvement/recommendation-judgements';
import { requireActor } from '@/lib/auth/actor';
import { findRecommendationJudgements } from '@/lib/use-cases/improvement/find-recommendation-judgements';

/**
 * The recommendation page's judgements section, loading its own data (a
 * component may not reach lib/use-cases): one line on the page,
 * `<RecommendationJudgementsSection recommendationId={recommendation.id} />`.
 */
export async function RecommendationJudgementsSection({ recommendationId }: { recommendationId: string }) {
  const actor = await requireActor();
  return (
    <RecommendationJudgements judgements={await findRecommendationJudgements(actor, recommendationId)} />
  );
}
