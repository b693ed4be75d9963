// The demo's threshold documents (all published), the three national audits
// of seed 000 (published; their graded cases come from past-audits.ts, which
// publishes November 2014 after writing what happened in its review) and
// a draft May 2015 audit to sample and grade. Idempotent.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { RubricContent } from '../../lib/domain/rubric.ts';
import {
  LOCAL_QUALITY_IMPACT_TOOL,
  NATIONAL_THRESHOLD_2013,
  NATIONAL_THRESHOLD_OCTOBER_2014,
} from './thresholds.ts';

const json = (content: RubricContent) => JSON.parse(JSON.stringify(content)) as object;

async function ensureVersion(
  prisma: PrismaClient,
  documentName: string,
  number: number,
  label: string,
  content: RubricContent,
  previousVersionId: string | null,
  publishedAt: Date,
): Promise<string> {
  const document = await prisma.thresholdDocument.upsert({
    where: { name: documentName },
    update: {},
    create: { name: documentName },
    select: { id: true },
  });
  const existing = await prisma.thresholdVersion.findUnique({
    where: { documentId_number: { documentId: document.id, number } },
    select: { id: true },
  });
  if (existing) return existing.id;
  const created = await prisma.thresholdVersion.create({
    data: {
      documentId: document.id,
      number,
      label,
      content: json(content),
      previousVersionId,
      status: 'PUBLISHED',
      publishedAt,
    },
    select: { id: true },
  });
  return created.id;
}

export async function seedAudits(
  prisma: PrismaClient,
): Promise<{ thresholdVersions: number; audits: number }> {
  const national2013 = await ensureVersion(
    prisma,
    'Threshold Document',
    1,
    'March 2013',
    NATIONAL_THRESHOLD_2013,
    null,
    new Date('2013-03-01T09:00:00Z'),
  );
  const national2014 = await ensureVersion(
    prisma,
    'Threshold Document',
    2,
    'October 2014',
    NATIONAL_THRESHOLD_OCTOBER_2014,
    national2013,
    new Date('2014-10-01T09:00:00Z'),
  );
  await ensureVersion(
    prisma,
    'Quality and Impact Audit Tool',
    1,
    'April 2021',
    LOCAL_QUALITY_IMPACT_TOOL,
    null,
    new Date('2021-04-01T09:00:00Z'),
  );

  const areas = await prisma.serviceArea.findMany({ select: { id: true } });
  const nsd = await prisma.user.findUnique({ where: { email: 'nsd@example.org' }, select: { id: true } });
  const ssm = await prisma.user.findUnique({ where: { email: 'ssm@example.org' }, select: { id: true } });
  const audits = [
    {
      name: 'National Audit April 2013',
      windowFrom: '2013-02-01',
      windowTo: '2013-03-31',
      thresholdVersionId: national2013,
      status: 'PUBLISHED' as const,
      comparedWith: null,
      targets: null,
    },
    {
      name: 'National Audit September 2013',
      windowFrom: '2013-07-01',
      windowTo: '2013-08-31',
      thresholdVersionId: national2013,
      status: 'PUBLISHED' as const,
      comparedWith: 'National Audit April 2013',
      targets: null,
    },
    {
      name: 'National Audit November 2014',
      windowFrom: '2014-09-01',
      windowTo: '2014-10-31',
      thresholdVersionId: national2014,
      // Published by past-audits.ts once its challenges and moderations are written:
      // a published audit's grades are frozen.
      status: 'REVIEW' as const,
      comparedWith: 'National Audit September 2013',
      targets: { goodOrAboveTarget: 60, lowestTarget: 14, targetDate: '2015-05-31' },
    },
    // Seed 000's next steps: a thematic audit of 2015, graded and ready to benchmark.
    {
      name: 'Thematic Audit 2015: IRO liaison',
      windowFrom: '2015-01-01',
      windowTo: '2015-03-31',
      thresholdVersionId: national2014,
      status: 'GRADING' as const,
      comparedWith: null,
      targets: null,
      kind: 'THEMATIC' as const,
    },
    // The live demo audit: the case index covers its window, ready to sample.
    {
      name: 'National Audit May 2015',
      windowFrom: '2015-03-01',
      windowTo: '2015-04-30',
      thresholdVersionId: national2014,
      status: 'DRAFT' as const,
      comparedWith: 'National Audit November 2014',
      targets: { goodOrAboveTarget: 60, lowestTarget: 14, targetDate: '2015-05-31' },
    },
  ];
  for (const audit of audits) {
    const exists = await prisma.audit.findUnique({ where: { name: audit.name }, select: { id: true } });
    if (exists) continue;
    const comparedWith = audit.comparedWith
      ? await prisma.audit.findUnique({ where: { name: audit.comparedWith }, select: { id: true } })
      : null;
    await prisma.audit.create({
      data: {
        name: audit.name,
        kind: audit.kind ?? 'NATIONAL_PRACTICE_QUALITY',
        purpose:
          'A snapshot of the standard of casework across all service areas: the percentage of Good work, and progress towards the targets of the inspection action plan.',
        windowFrom: new Date(`${audit.windowFrom}T00:00:00Z`),
        windowTo: new Date(`${audit.windowTo}T00:00:00Z`),
        thresholdVersionId: audit.thresholdVersionId,
        lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'],
        goodOrAboveTarget: audit.targets?.goodOrAboveTarget ?? null,
        lowestTarget: audit.targets?.lowestTarget ?? null,
        targetDate: audit.targets ? new Date(`${audit.targets.targetDate}T00:00:00Z`) : null,
        comparedWithId: comparedWith?.id ?? null,
        commissionedById: nsd?.id ?? null,
        leadId: ssm?.id ?? null,
        status: audit.status,
        serviceAreas: { create: areas.map((area) => ({ serviceAreaId: area.id })) },
      },
    });
  }
  return { thresholdVersions: 3, audits: audits.length };
}
