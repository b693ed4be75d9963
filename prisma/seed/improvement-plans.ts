// A4's improvement plan in the demo (seed 003): a measure on each of the
// three priorities the register seed gives it, baselined on the September 2013
// national audit, so the mid-year review reads September 2013 → November 2014
// and its funnel plots have November 2014's teams to compare. Voice of the
// child's Not Met share puts A4 North above the 95% limit (4 of 9 cases
// against 11% nationally): the outlier team the plan's supervision audit is
// for. No demo figure changes. Idempotent: a priority that already has
// measures is left alone.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { A4_IMPROVEMENT_PLAN } from './improvement-register.ts';

const BASELINE = 'National Audit September 2013';

type MeasureSeed = {
  priority: string;
  label: string;
  /** The section's key in the baseline's threshold version; null for the overall grade. */
  sectionKey: string | null;
  share: 'GOOD_OR_ABOVE' | 'LOWEST';
  targetPercent: number;
  targetDirection: 'AT_LEAST' | 'AT_MOST';
};

const A4_MEASURES: MeasureSeed[] = [
  {
    priority: '1',
    label: '% Good in A4',
    sectionKey: null,
    share: 'GOOD_OR_ABOVE',
    targetPercent: 60,
    targetDirection: 'AT_LEAST',
  },
  {
    priority: '2',
    label: '% Not Met in A4',
    sectionKey: null,
    share: 'LOWEST',
    targetPercent: 14,
    targetDirection: 'AT_MOST',
  },
  {
    priority: '3',
    // "Engagement of the child" in 2013, "Voice and engagement of the child" from October 2014.
    label: '% Not Met for the voice and engagement of the child in A4',
    sectionKey: 'child-engagement',
    share: 'LOWEST',
    targetPercent: 10,
    targetDirection: 'AT_MOST',
  },
];

export async function seedImprovementPlans(prisma: PrismaClient): Promise<{ planMeasures: number }> {
  const plan = await prisma.recommendationSource.findUnique({
    where: { title: A4_IMPROVEMENT_PLAN },
    select: { serviceAreaId: true, recommendations: { select: { id: true, number: true, measures: true } } },
  });
  const baseline = await prisma.audit.findUnique({ where: { name: BASELINE }, select: { id: true } });
  if (!plan?.serviceAreaId || !baseline) throw new Error('demo plans: seed the register and past audits first');
  const rows = A4_MEASURES.flatMap((measure) => {
    const priority = plan.recommendations.find((rec) => rec.number === measure.priority);
    if (!priority) throw new Error(`demo plans: A4's plan has no priority ${measure.priority}`);
    if (priority.measures.length > 0) return [];
    return [
      {
        recommendationId: priority.id,
        label: measure.label,
        sectionKey: measure.sectionKey,
        share: measure.share,
        auditKinds: ['NATIONAL_PRACTICE_QUALITY' as const],
        serviceAreaIds: [plan.serviceAreaId as string],
        baselineAuditId: baseline.id,
        targetPercent: measure.targetPercent,
        targetDirection: measure.targetDirection,
      },
    ];
  });
  await prisma.measure.createMany({ data: rows });
  return { planMeasures: rows.length };
}
