// Measures on the demo register's recommendations (issue 16 §10): seed 000 §6
// judges the Ofsted action plan's recommendations by the audit's own figures,
// so each gets the measure those figures come from, its baseline the September
// 2013 audit and the action plan's targets (60% Good, at most 14% Not Met).
// Rec 13 reads as the seed does: A5's WAFH from 27% Good to 67%. Rec 8 is
// tested by the thematic audit of 2015 on IRO liaison, linked as commissioned;
// November 2014, whose evidence §6 used, is linked to all seven.
// Idempotent: a recommendation that has measures is left alone.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { OFSTED_2014_ACTION_PLAN } from './improvement-register.ts';

const SEPTEMBER_2013 = 'National Audit September 2013';
const NOVEMBER_2014 = 'National Audit November 2014';
const IRO_THEMATIC = 'Thematic Audit 2015: IRO liaison';

type LawType = 'PUBLIC_LAW' | 'PRIVATE_LAW_WAFH' | 'PRIVATE_LAW_WTFH';

type MeasureSeed = {
  label: string;
  share: 'GOOD_OR_ABOVE' | 'LOWEST';
  sectionKey?: string;
  lawTypes?: LawType[];
  areas?: string[];
  baseline: string;
  /** None where seed 000 judges the recommendation by what it saw, not by a figure. */
  target?: number;
  direction?: 'AT_LEAST' | 'AT_MOST';
  /** The audit commissioned to test this measure. */
  testedBy?: string;
};

const GOOD_TARGET = { share: 'GOOD_OR_ABOVE', target: 60, direction: 'AT_LEAST' } as const;
const NOT_MET_TARGET = { share: 'LOWEST', target: 14, direction: 'AT_MOST' } as const;

/** Recommendation number → its measures. */
const MEASURES: Record<string, MeasureSeed[]> = {
  // §2b: "in 2013, 24% of WTFH was Not Met ... only 7%"; safeguarding letters are WTFH work.
  '1': [
    {
      label: '% Not Met, Private Law WTFH',
      ...NOT_MET_TARGET,
      lawTypes: ['PRIVATE_LAW_WTFH'],
      baseline: SEPTEMBER_2013,
    },
  ],
  // §6: "the percentages of Good and Met work have improved": the action plan's own targets.
  '2': [
    { label: '% Good, all work', ...GOOD_TARGET, baseline: SEPTEMBER_2013 },
    { label: '% Not Met, all work', ...NOT_MET_TARGET, baseline: SEPTEMBER_2013 },
  ],
  // §2a: "recommendations 1 and 4 in respect of WTFH evidenced improvements".
  '4': [
    {
      label: '% Good, Private Law WTFH',
      ...GOOD_TARGET,
      lawTypes: ['PRIVATE_LAW_WTFH'],
      baseline: SEPTEMBER_2013,
    },
  ],
  // §2b: WAFH "up from 44% to 61%", work "commencing at the point of allocation".
  '5': [
    {
      label: '% Good, Private Law WAFH',
      ...GOOD_TARGET,
      lawTypes: ['PRIVATE_LAW_WAFH'],
      baseline: SEPTEMBER_2013,
    },
    {
      label: '% Not Met, Private Law WAFH',
      ...NOT_MET_TARGET,
      lawTypes: ['PRIVATE_LAW_WAFH'],
      baseline: SEPTEMBER_2013,
    },
  ],
  // §6 and §8: IRO liaison is planning in public law, judged on what was seen (no target) and to be tested by a thematic audit.
  '8': [
    {
      label: '% Good case planning, Public Law',
      share: 'GOOD_OR_ABOVE',
      sectionKey: 'case-planning',
      lawTypes: ['PUBLIC_LAW'],
      baseline: NOVEMBER_2014,
      testedBy: IRO_THEMATIC,
    },
  ],
  // §2c: "67% of the WAFH in A5 was good, as opposed to 27% in the September 2013 audit".
  '13': [
    {
      label: '% Good, Private Law WAFH, A5',
      ...GOOD_TARGET,
      lawTypes: ['PRIVATE_LAW_WAFH'],
      areas: ['A5'],
      baseline: SEPTEMBER_2013,
    },
  ],
  // §2b: "greater use of tools has assisted in reports": judged on what was seen, so followed without a target.
  '14': [
    {
      label: '% Good reporting, Private Law WAFH',
      share: 'GOOD_OR_ABOVE',
      sectionKey: 'reporting',
      lawTypes: ['PRIVATE_LAW_WAFH'],
      baseline: SEPTEMBER_2013,
    },
  ],
};

export async function seedImprovementMeasures(prisma: PrismaClient): Promise<{ measures: number }> {
  const source = await prisma.recommendationSource.findUnique({
    where: { title: OFSTED_2014_ACTION_PLAN },
    select: {
      id: true,
      recommendations: { select: { id: true, number: true, _count: { select: { measures: true } } } },
    },
  });
  if (!source) return { measures: 0 };
  const audits = new Map(
    (
      await prisma.audit.findMany({
        where: { name: { in: [SEPTEMBER_2013, NOVEMBER_2014, IRO_THEMATIC] } },
        select: { id: true, name: true },
      })
    ).map((audit) => [audit.name, audit.id]),
  );
  const areas = new Map(
    (await prisma.serviceArea.findMany({ select: { id: true, code: true } })).map((area) => [
      area.code,
      area.id,
    ]),
  );
  const nsd = await prisma.user.findUniqueOrThrow({
    where: { email: 'nsd@example.org' },
    select: { id: true },
  });
  const auditId = (name: string) => {
    const id = audits.get(name);
    if (!id) throw new Error(`demo measures: no audit ${name}`);
    return id;
  };
  let measures = 0;
  for (const recommendation of source.recommendations) {
    const seeds = MEASURES[recommendation.number];
    if (!seeds || recommendation._count.measures > 0) continue;
    for (const seed of seeds) {
      const measure = await prisma.measure.create({
        data: {
          recommendationId: recommendation.id,
          label: seed.label,
          sectionKey: seed.sectionKey ?? null,
          share: seed.share,
          auditKinds: ['NATIONAL_PRACTICE_QUALITY', 'THEMATIC'],
          lawTypes: seed.lawTypes ?? [],
          serviceAreaIds: (seed.areas ?? []).map((code) => areas.get(code) as string),
          teamIds: [],
          employment: null,
          baselineAuditId: auditId(seed.baseline),
          targetPercent: seed.target ?? null,
          targetDirection: seed.direction ?? 'AT_LEAST',
          // A minute apart, so they list in the order written here.
          createdAt: new Date(Date.UTC(2014, 3, 30, 10, measures)),
        },
        select: { id: true },
      });
      measures += 1;
      if (seed.testedBy)
        await prisma.recommendationAudit.createMany({
          data: [
            {
              recommendationId: recommendation.id,
              auditId: auditId(seed.testedBy),
              measureId: measure.id,
              commissioned: true,
              linkedById: nsd.id,
              linkedAt: new Date('2014-12-15T10:00:00Z'),
            },
          ],
          skipDuplicates: true,
        });
    }
    // §6: "Evidence in this audit was used to assess the following recommendations".
    await prisma.recommendationAudit.createMany({
      data: [
        {
          recommendationId: recommendation.id,
          auditId: auditId(NOVEMBER_2014),
          commissioned: false,
          linkedById: nsd.id,
          linkedAt: new Date('2014-12-01T10:00:00Z'),
        },
      ],
      skipDuplicates: true,
    });
  }
  return { measures };
}
