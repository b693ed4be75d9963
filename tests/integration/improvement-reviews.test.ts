import { beforeAll, describe, expect, it } from 'vitest';
import { actingAs, createGradedAudit, createServiceArea, type GradedCaseSpec } from '../factories';
import { createProgressReviewFor, createRecommendationSource } from '../factories/improvement-reviews';
import { databaseFingerprint } from '../support/fingerprint';
import { createProgressReviewAction, recordJudgementAction } from '@/lib/actions/improvement-reviews';
import { MESSAGES } from '@/lib/actions/run';
import { db } from '@/lib/db/client';
import { getProgressReview } from '@/lib/use-cases/improvement/get-progress-review';
import { findRecommendationJudgements } from '@/lib/use-cases/improvement/find-recommendation-judgements';

type Person = Awaited<ReturnType<typeof actingAs>>;

let areaA: string;
let areaB: string;
let nsd: Person;
let hosA: Person;

beforeAll(async () => {
  areaA = (await createServiceArea()).id;
  areaB = (await createServiceArea()).id;
  nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
  hosA = await actingAs('HEAD_OF_SERVICE', areaA);
});

/** Graded WAFH cases in one area: `good` Good, the rest Met. */
const wafh = (serviceAreaId: string, good: number, total: number): GradedCaseSpec[] =>
  Array.from({ length: total }, (_, index) => ({
    serviceAreaId,
    grade: index < good ? 'good' : 'met',
    lawType: 'PRIVATE_LAW_WAFH' as const,
  }));

describe('progress reviews', () => {
  it('keeps the figures as they stood when judged, when a later audit changes them', async () => {
    const area = await createServiceArea();
    const { audit: september } = await createGradedAudit(wafh(area.id, 1, 3), { windowTo: '2013-08-31' });
    await createGradedAudit(wafh(area.id, 2, 3), { windowTo: '2014-10-31' });
    const { source, recommendations } = await createRecommendationSource({ numbers: ['13'] });
    const recommendationId = recommendations[0]!.id;
    await db().measure.create({
      data: {
        recommendationId,
        label: '% Good in Private Law WAFH in the area',
        share: 'GOOD_OR_ABOVE',
        lawTypes: ['PRIVATE_LAW_WAFH'],
        serviceAreaIds: [area.id],
        baselineAuditId: september.id,
        targetPercent: 60,
      },
    });
    const review = await createProgressReviewFor(source.id, { reviewerId: nsd.id, asOf: '2015-06-30' });
    const before = await getProgressReview(nsd.actor, review.id);
    const item = before.items[0]!;
    expect(item.draft).toMatch(
      /^% Good in Private Law WAFH in the area was 33% \(n = 3\) in August 2013 and is 67% \(n = 3\) in October 2014, up 34 points \(95% interval .* points, so the change could be chance\): the target \(at least 60%\) is met\./,
    );
    expect(item.proposal).toEqual({ judgement: 'met', label: 'Met', why: "the measure's target is met" });
    const recorded = await nsd.act(() =>
      recordJudgementAction({
        reviewId: review.id,
        recommendationId,
        basedOn: '',
        judgement: 'met',
        evidence: item.draft,
        reason: 'This has been met.',
      }),
    );
    expect(recorded.ok).toBe(true);
    const stored = await db().recommendationJudgement.findFirstOrThrow({ where: { reviewId: review.id } });
    expect(stored).toMatchObject({ judgedById: nsd.id, judgement: 'met', reason: 'This has been met.' });
    expect(stored.figures).toMatchObject({
      asOf: '2015-06-30',
      measures: [
        {
          targetMet: true,
          series: [
            { count: 1, total: 3 },
            { count: 2, total: 3 },
          ],
        },
      ],
    });

    // A later audit, before the review's date, brings the share down to 0%.
    await createGradedAudit(wafh(area.id, 0, 3), { windowTo: '2015-03-31' });
    const after = await getProgressReview(nsd.actor, review.id);
    const storedAfter = await db().recommendationJudgement.findUniqueOrThrow({ where: { id: stored.id } });
    expect(storedAfter.figures).toEqual(stored.figures);
    expect(after.items[0]?.latest?.figures).toEqual(stored.figures);
    expect(after.items[0]?.comparison).toEqual([
      {
        label: '% Good in Private Law WAFH in the area',
        asJudged: expect.stringContaining('is 67% (n = 3) in October 2014') as unknown,
        now: expect.stringMatching(/is 0% \(n = 3\) in March 2015.*is not yet met\.$/) as unknown,
        differs: true,
      },
    ]);
    expect(after.items[0]?.proposal?.judgement).toBe('ongoing');
  });

  it('starts a review with the actor as reviewer, and keeps every judgement: the latest counts', async () => {
    const { source, recommendations } = await createRecommendationSource({
      scale: 'SATISFACTORY_INADEQUATE',
      numbers: ['Recommendation 2', 'Recommendation 10'],
    });
    const created = await nsd.act(() =>
      createProgressReviewAction({
        sourceId: source.id,
        kind: 'MID_POINT',
        title: 'Mid-point',
        asOf: '2008-10-15',
      }),
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { reviewId } = created.data;
    expect(await db().progressReview.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({
      reviewerId: nsd.id,
      kind: 'MID_POINT',
    });

    const page = await getProgressReview(nsd.actor, reviewId);
    // Natural order: 2 before 10.
    expect(page.items.map((item) => item.number)).toEqual(['Recommendation 2', 'Recommendation 10']);
    expect(page.options.map((option) => option.label)).toEqual([
      'Satisfactory progress',
      'Inadequate progress',
    ]);
    expect(page.items[0]?.aroseFrom).toMatch(/^This recommendation arises from/);
    expect(page.items[0]?.draft).toMatch(/^No measures, actions or audits/);
    const recommendationId = recommendations[0]!.id;

    const first = await nsd.act(() =>
      recordJudgementAction({
        reviewId,
        recommendationId,
        basedOn: '',
        judgement: 'inadequate',
        evidence: 'Guidance drafted, not yet issued.',
        reason: 'Continued concerns about safeguarding.',
      }),
    );
    expect(first.ok).toBe(true);
    // A second reviewer who opened the form before the first judgement is told, not silently replaced.
    const stale = await nsd.act(() =>
      recordJudgementAction({
        reviewId,
        recommendationId,
        basedOn: '',
        judgement: 'satisfactory',
        evidence: 'x',
        reason: 'y',
      }),
    );
    expect(stale).toMatchObject({ ok: false, error: MESSAGES.stale });
    const second = await nsd.act(() =>
      recordJudgementAction({
        reviewId,
        recommendationId,
        basedOn: first.ok ? first.data.judgementId : '',
        judgement: 'satisfactory',
        evidence: 'Guidance now on the intranet.',
        reason: 'Guidance is available to inform practice.',
      }),
    );
    expect(second.ok).toBe(true);

    const after = await getProgressReview(nsd.actor, reviewId);
    const item = after.items[0]!;
    expect(item.latest).toMatchObject({
      label: 'Satisfactory progress',
      evidence: 'Guidance now on the intranet.',
    });
    expect(item.earlier.map((judgement) => judgement.label)).toEqual(['Inadequate progress']);
    expect(after.items[1]?.latest).toBeNull();
    const onRecommendation = await findRecommendationJudgements(hosA.actor, recommendationId);
    expect(onRecommendation.map((judgement) => [judgement.label, judgement.counts])).toEqual([
      ['Satisfactory progress', true],
      ['Inadequate progress', false],
    ]);
    expect(await db().recommendationJudgement.count({ where: { reviewId } })).toBe(2);
  });

  it('names the field at fault: a judgement off the scale, a missing reason', async () => {
    const { source, recommendations } = await createRecommendationSource({ scale: 'MET_ONGOING' });
    const review = await createProgressReviewFor(source.id, { reviewerId: nsd.id });
    const input = {
      reviewId: review.id,
      recommendationId: recommendations[0]!.id,
      basedOn: '',
      evidence: 'Evidence.',
    };
    const offScale = await nsd.act(() =>
      recordJudgementAction({ ...input, judgement: 'satisfactory', reason: 'r' }),
    );
    expect(offScale).toMatchObject({ ok: false, fieldErrors: { judgement: 'Choose Met or Ongoing' } });
    const noReason = await nsd.act(() => recordJudgementAction({ ...input, judgement: 'met', reason: '  ' }));
    expect(noReason).toMatchObject({
      ok: false,
      fieldErrors: { reason: 'Enter the reason for the judgement' },
    });
    const created = await nsd.act(() =>
      createProgressReviewAction({ sourceId: source.id, kind: 'SOMETIMES', title: '', asOf: '2014-02-30' }),
    );
    expect(created.ok ? {} : created.fieldErrors).toEqual({
      kind: 'Choose the kind of review: mid-point, final or other',
      title: "Enter the review's title",
      asOf: 'Enter the date the review is as of as a real date',
    });
  });

  it('refuses, changing nothing: a Head of Service on a national source, or on another area’s plan, or another source’s recommendation', async () => {
    const national = await createRecommendationSource({});
    const nationalReview = await createProgressReviewFor(national.source.id, { reviewerId: nsd.id });
    const otherArea = await createRecommendationSource({ serviceAreaId: areaB });
    const otherReview = await createProgressReviewFor(otherArea.source.id, { reviewerId: nsd.id });
    const ownArea = await createRecommendationSource({ serviceAreaId: areaA });
    const ownReview = await createProgressReviewFor(ownArea.source.id, { reviewerId: hosA.id });
    const judge = (reviewId: string, recommendationId: string) =>
      hosA.act(() =>
        recordJudgementAction({
          reviewId,
          recommendationId,
          basedOn: '',
          judgement: 'met',
          evidence: 'e',
          reason: 'r',
        }),
      );
    const before = await databaseFingerprint();
    const refusals = [
      await hosA.act(() =>
        createProgressReviewAction({
          sourceId: national.source.id,
          kind: 'FINAL',
          title: 'T',
          asOf: '2015-01-01',
        }),
      ),
      await hosA.act(() =>
        createProgressReviewAction({
          sourceId: otherArea.source.id,
          kind: 'FINAL',
          title: 'T',
          asOf: '2015-01-01',
        }),
      ),
      await judge(nationalReview.id, national.recommendations[0]!.id),
      await judge(otherReview.id, otherArea.recommendations[0]!.id),
      // Their own area's review, but a recommendation of another source.
      await judge(ownReview.id, otherArea.recommendations[0]!.id),
    ];
    for (const refusal of refusals) expect(refusal).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await databaseFingerprint()).toEqual(before);
    // They may still read the national review, and judge their own area's.
    expect((await getProgressReview(hosA.actor, nationalReview.id)).canRecord).toBe(false);
    await expect(getProgressReview(hosA.actor, otherReview.id)).rejects.toThrow('not found or forbidden');
    expect((await judge(ownReview.id, ownArea.recommendations[0]!.id)).ok).toBe(true);
  });
});
