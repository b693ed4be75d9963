// Seed 004: Ofsted's 2018 inspection judged the leadership and management of
// local services in seven areas (London as one: both A15 areas here). Shown
// beside each area's latest national audit before the inspection.
import type { PrismaClient } from '../../generated/prisma/client.ts';

const JUDGED_ON = new Date('2018-03-02T00:00:00Z');
const INSPECTED_BY = 'Ofsted (inspection of Cafcass as a national organisation, February–March 2018)';

const JUDGEMENTS: [area: string, grade: 'OUTSTANDING' | 'GOOD', note: string][] = [
  ['A6', 'OUTSTANDING', 'Hampshire, Isle of Wight and Dorset (Area 6).'],
  ['A13', 'OUTSTANDING', 'Coventry, Warwickshire and Northamptonshire (Area 13).'],
  ['A1', 'GOOD', 'Tyneside and Northumbria (Area 1).'],
  ['A8', 'OUTSTANDING', 'Cornwall, Devon and Somerset (Area 8).'],
  ['A5', 'GOOD', 'West Yorkshire (Area 5): good, with examples of outstanding work.'],
  ['A9', 'GOOD', 'Cheshire, Merseyside and Staffordshire (Area 9).'],
  ['A15 Public', 'OUTSTANDING', 'London (Areas 15a and 15b).'],
  ['A15 Private', 'OUTSTANDING', 'London (Areas 15a and 15b).'],
];

export async function seedInspectionJudgements(
  prisma: PrismaClient,
): Promise<{ inspectionJudgements: number }> {
  const recorder = await prisma.user.findUniqueOrThrow({
    where: { email: 'nsd@example.org' },
    select: { id: true },
  });
  const areas = new Map(
    (await prisma.serviceArea.findMany({ select: { id: true, code: true } })).map((area) => [
      area.code,
      area.id,
    ]),
  );
  const result = await prisma.areaInspectionJudgement.createMany({
    data: JUDGEMENTS.map(([code, grade, note]) => ({
      serviceAreaId: areas.get(code) as string,
      judgedOn: JUDGED_ON,
      grade,
      inspectedBy: INSPECTED_BY,
      note,
      recordedById: recorder.id,
      recordedAt: new Date('2018-03-20T10:00:00Z'),
    })),
    skipDuplicates: true,
  });
  return { inspectionJudgements: result.count };
}
