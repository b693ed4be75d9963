import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { isoDay } from '@/lib/domain/dates';
import type { JudgementScale, ReviewKind } from '@/lib/domain/progress-reviews';
import { db, type Tx } from './client';

// Progress reviews and their append-only judgements. No authorisation here:
// lib/use-cases/improvement decides who may read and record, on the source's scope.

/** A source as far as deciding who may review it: its scale and its area (null: national). */
export type SourceScope = { id: string; title: string; scale: JudgementScale; serviceAreaId: string | null };

export async function getSourceScope(sourceId: string): Promise<SourceScope | null> {
  return db().recommendationSource.findUnique({
    where: { id: sourceId },
    select: { id: true, title: true, scale: true, serviceAreaId: true },
  });
}

export type ReviewScope = SourceScope & { reviewId: string; sourceId: string; asOf: string };

export async function getReviewScope(reviewId: string, tx: Tx = db()): Promise<ReviewScope | null> {
  const review = await tx.progressReview.findUnique({
    where: { id: reviewId },
    select: {
      id: true,
      asOf: true,
      source: { select: { id: true, title: true, scale: true, serviceAreaId: true } },
    },
  });
  if (!review) return null;
  return { ...review.source, reviewId: review.id, sourceId: review.source.id, asOf: isoDay(review.asOf) };
}

export type ReviewListSource = SourceScope & {
  areaCode: string | null;
  issuedBy: string;
  issuedOn: string;
  recommendations: number;
  reviews: { id: string; kind: ReviewKind; title: string; asOf: string; reviewer: string; judged: number }[];
};

/** Every source with its reviews, newest first; the use case keeps those the reader may see. */
export async function findSourcesWithReviews(): Promise<ReviewListSource[]> {
  const sources = await db().recommendationSource.findMany({
    select: {
      id: true,
      title: true,
      scale: true,
      serviceAreaId: true,
      issuedBy: true,
      issuedOn: true,
      _count: { select: { recommendations: true } },
      reviews: {
        select: { id: true, kind: true, title: true, asOf: true, reviewerId: true },
        orderBy: [{ asOf: 'desc' }, { createdAt: 'desc' }],
      },
    },
    orderBy: [{ issuedOn: 'desc' }, { title: 'asc' }],
  });
  const reviewIds = sources.flatMap((source) => source.reviews.map((review) => review.id));
  const [names, areas, judged] = await Promise.all([
    userNames(sources.flatMap((source) => source.reviews.map((review) => review.reviewerId))),
    db().serviceArea.findMany({ select: { id: true, code: true } }),
    db().recommendationJudgement.groupBy({
      by: ['reviewId', 'recommendationId'],
      where: { reviewId: { in: reviewIds } },
    }),
  ]);
  const judgedCount = new Map<string, number>();
  for (const row of judged) judgedCount.set(row.reviewId, (judgedCount.get(row.reviewId) ?? 0) + 1);
  const areaCode = new Map(areas.map((area) => [area.id, area.code]));
  return sources.map((source) => ({
    id: source.id,
    title: source.title,
    scale: source.scale,
    serviceAreaId: source.serviceAreaId,
    areaCode: source.serviceAreaId ? (areaCode.get(source.serviceAreaId) ?? null) : null,
    issuedBy: source.issuedBy,
    issuedOn: isoDay(source.issuedOn),
    recommendations: source._count.recommendations,
    reviews: source.reviews.map((review) => ({
      id: review.id,
      kind: review.kind,
      title: review.title,
      asOf: isoDay(review.asOf),
      reviewer: names.get(review.reviewerId) ?? 'Unknown',
      judged: judgedCount.get(review.id) ?? 0,
    })),
  }));
}

export async function userNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(users.map((user) => [user.id, user.name]));
}

export async function insertProgressReview(
  tx: Tx,
  data: { sourceId: string; kind: ReviewKind; title: string; asOf: string; reviewerId: string; now: Date },
): Promise<string> {
  const review = await tx.progressReview.create({
    data: {
      sourceId: data.sourceId,
      kind: data.kind,
      title: data.title,
      asOf: new Date(`${data.asOf}T00:00:00Z`),
      reviewerId: data.reviewerId,
      createdAt: data.now,
    },
    select: { id: true },
  });
  return review.id;
}

export type ReviewHeader = {
  id: string;
  kind: ReviewKind;
  title: string;
  asOf: string;
  reviewer: string;
  source: SourceScope & { issuedBy: string; issuedOn: string; document: string; areaCode: string | null };
};

export async function getReviewHeader(reviewId: string): Promise<ReviewHeader | null> {
  const review = await db().progressReview.findUnique({
    where: { id: reviewId },
    select: {
      id: true,
      kind: true,
      title: true,
      asOf: true,
      reviewerId: true,
      source: {
        select: {
          id: true,
          title: true,
          scale: true,
          serviceAreaId: true,
          issuedBy: true,
          issuedOn: true,
          document: true,
        },
      },
    },
  });
  if (!review) return null;
  const [names, area] = await Promise.all([
    userNames([review.reviewerId]),
    review.source.serviceAreaId
      ? db().serviceArea.findUnique({ where: { id: review.source.serviceAreaId }, select: { code: true } })
      : null,
  ]);
  return {
    id: review.id,
    kind: review.kind,
    title: review.title,
    asOf: isoDay(review.asOf),
    reviewer: names.get(review.reviewerId) ?? 'Unknown',
    source: { ...review.source, issuedOn: isoDay(review.source.issuedOn), areaCode: area?.code ?? null },
  };
}

export type JudgementRow = {
  id: string;
  reviewId: string;
  recommendationId: string;
  judgement: string;
  reason: string;
  evidence: string;
  figures: unknown;
  judgedBy: string;
  judgedAt: Date;
};

/** Judgements, newest first: the first of each review and recommendation is the one that counts. */
export async function findJudgements(where: {
  reviewId?: string;
  recommendationId?: string;
}): Promise<JudgementRow[]> {
  if (where.reviewId === undefined && where.recommendationId === undefined)
    throw new Error('findJudgements needs a review or a recommendation');
  const rows = await db().recommendationJudgement.findMany({
    where,
    select: {
      id: true,
      reviewId: true,
      recommendationId: true,
      judgement: true,
      reason: true,
      evidence: true,
      figures: true,
      judgedById: true,
      judgedAt: true,
    },
    orderBy: [{ judgedAt: 'desc' }, { id: 'asc' }],
  });
  const names = await userNames(rows.map((row) => row.judgedById));
  return rows.map(({ judgedById, ...row }) => ({ ...row, judgedBy: names.get(judgedById) ?? 'Unknown' }));
}

/** The judgement that counts now for a review and recommendation (the latest), locked against a concurrent one. */
export async function latestJudgementId(
  tx: Tx,
  reviewId: string,
  recommendationId: string,
): Promise<string | null> {
  // Serialises two reviewers judging the same recommendation at once, so the
  // second sees the first's row and is told, rather than both "counting".
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`judgement:${reviewId}:${recommendationId}`}))`;
  const latest = await tx.recommendationJudgement.findFirst({
    where: { reviewId, recommendationId },
    select: { id: true },
    orderBy: [{ judgedAt: 'desc' }, { id: 'asc' }],
  });
  return latest?.id ?? null;
}

export async function insertJudgement(
  tx: Tx,
  data: {
    reviewId: string;
    recommendationId: string;
    judgement: string;
    reason: string;
    evidence: string;
    figures: Prisma.InputJsonValue;
    judgedById: string;
    judgedAt: Date;
  },
): Promise<string> {
  const row = await tx.recommendationJudgement.create({ data, select: { id: true } });
  return row.id;
}

/** The recommendation's source, to check it belongs to the review's. */
export async function getRecommendationSourceId(tx: Tx, recommendationId: string): Promise<string | null> {
  const row = await tx.recommendation.findUnique({
    where: { id: recommendationId },
    select: { sourceId: true },
  });
  return row?.sourceId ?? null;
}

/** A recommendation's source scope, for its judgements section. */
export async function getRecommendationScope(
  recommendationId: string,
): Promise<(SourceScope & { recommendationId: string }) | null> {
  const row = await db().recommendation.findUnique({
    where: { id: recommendationId },
    select: { id: true, source: { select: { id: true, title: true, scale: true, serviceAreaId: true } } },
  });
  return row ? { ...row.source, recommendationId: row.id } : null;
}

/** The reviews a set of judgements belong to: title, kind and date. */
export async function reviewTitles(
  ids: string[],
): Promise<Map<string, { title: string; kind: ReviewKind; asOf: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db().progressReview.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, title: true, kind: true, asOf: true },
  });
  return new Map(rows.map((row) => [row.id, { title: row.title, kind: row.kind, asOf: isoDay(row.asOf) }]));
}
