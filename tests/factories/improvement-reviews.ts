// Sources, recommendations and progress reviews for the reviews tests and the
// access matrix, with overrides. Titles carry a counter so files never collide.
import { db } from '@/lib/db/client';
import type { JudgementScale } from '@/lib/domain/progress-reviews';
import { createUser, unique } from './index';

export async function createRecommendationSource(
  options: { serviceAreaId?: string | null; scale?: JudgementScale; numbers?: string[]; title?: string } = {},
) {
  const source = await db().recommendationSource.create({
    data: {
      title: options.title ?? unique('Inspection action plan'),
      kind: 'INSPECTION',
      issuedBy: 'Ofsted',
      issuedOn: new Date('2014-03-31T00:00:00Z'),
      scale: options.scale ?? 'MET_ONGOING',
      serviceAreaId: options.serviceAreaId ?? null,
    },
    select: { id: true, title: true, scale: true, serviceAreaId: true },
  });
  const recommendations = [];
  for (const number of options.numbers ?? ['Rec 1']) {
    recommendations.push(
      await db().recommendation.create({
        data: {
          sourceId: source.id,
          number,
          text: `Improve the work in ${number}`,
          kind: 'RECOMMENDATION',
          aroseFrom: `This recommendation arises from the finding behind ${number}.`,
        },
        select: { id: true, number: true, text: true },
      }),
    );
  }
  return { source, recommendations };
}

export async function createProgressReviewFor(
  sourceId: string,
  options: { reviewerId?: string; asOf?: string; kind?: 'MID_POINT' | 'FINAL' | 'OTHER' } = {},
) {
  const reviewerId = options.reviewerId ?? (await createUser('NATIONAL_SERVICE_DIRECTOR')).id;
  return db().progressReview.create({
    data: {
      sourceId,
      kind: options.kind ?? 'FINAL',
      title: unique('Final review'),
      asOf: new Date(`${options.asOf ?? '2015-06-30'}T00:00:00Z`),
      reviewerId,
    },
    select: { id: true, title: true, sourceId: true },
  });
}
