// This month's practice observations for the demo (issue 17 §4): a handful
// recorded by sm.a1@example.org on the practitioners of the A1 teams they
// manage (and one by A1's Head of Practice), so /local/observations opens on
// current work. The 2023 bulk comes with the local history. Idempotent: a
// month that already has sm.a1@'s observations is left alone.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import {
  OBSERVATION_CRITERIA,
  type ObservationJudgement,
  type ObservationSetting,
} from '../../lib/domain/observation.ts';

type Planned = {
  daysAgo: number;
  setting: ObservationSetting;
  judgements: ObservationJudgement[];
  feedback: string;
};

const S = 'STRONG';
const D = 'DEVELOPING';
const N = 'NEEDS_SUPPORT';

// In the rubric's order: the child's voice, purpose, risk, relationship, recording.
const PLANNED: Planned[] = [
  {
    daysAgo: 0,
    setting: 'DIRECT_WORK_WITH_CHILD',
    judgements: [S, S, D, S, D],
    feedback:
      'The three houses exercise let Amira say what worries her at her father’s in her own words. Next: write up her words the same day, before the safeguarding letter.',
  },
  {
    daysAgo: 2,
    setting: 'COURT_HEARING',
    judgements: [S, S, S, S, S],
    feedback:
      'Clear, confident evidence; the recommendation followed from the analysis and the child’s wishes were put to the court plainly.',
  },
  {
    daysAgo: 4,
    setting: 'MEETING',
    judgements: [D, S, N, S, D],
    feedback:
      'A well-chaired meeting, but the domestic abuse history was not explored: agree a risk assessment with both parents’ accounts before the next hearing.',
  },
  {
    daysAgo: 6,
    setting: 'DIRECT_WORK_WITH_CHILD',
    judgements: [S, D, D, S, N],
    feedback:
      'Warm and patient with Leo. The case record had no note of the visit two days later: record direct work within 24 hours.',
  },
  {
    daysAgo: 9,
    setting: 'MEETING',
    judgements: [D, D, D, S, D],
    feedback:
      'Good relationship with the mother. Set out the purpose of the meeting at the start and check the family understands what happens next.',
  },
];

export async function seedLocalObservations(
  prisma: PrismaClient,
  now = new Date(),
): Promise<{ localObservations: number }> {
  const [manager, headOfPractice] = await Promise.all([
    prisma.user.findUnique({
      where: { email: 'sm.a1@example.org' },
      select: { id: true, serviceAreaId: true },
    }),
    prisma.user.findUnique({ where: { email: 'hop.a1@example.org' }, select: { id: true } }),
  ]);
  if (!manager?.serviceAreaId) throw new Error('seed sm.a1@example.org before their observations');
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const already = await prisma.practiceObservation.count({
    where: { observerId: manager.id, observedOn: { gte: monthStart } },
  });
  if (already > 0) return { localObservations: 0 };

  // The practitioners of the teams sm.a1@ manages; without any (the local history not seeded), A1's.
  const managed = await prisma.practitioner.findMany({
    where: { isActive: true, team: { serviceManagerId: manager.id } },
    orderBy: { reference: 'asc' },
    select: { id: true, teamId: true },
    take: 20,
  });
  const practitioners =
    managed.length > 0
      ? managed
      : await prisma.practitioner.findMany({
          where: { isActive: true, team: { serviceAreaId: manager.serviceAreaId } },
          orderBy: { reference: 'asc' },
          select: { id: true, teamId: true },
          take: 20,
        });
  if (practitioners.length === 0) return { localObservations: 0 };

  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const rows = PLANNED.map((planned, index) => {
    // Kept inside this month: early in a month, the later ones fall on its first day.
    const day = new Date(Math.max(today - planned.daysAgo * 86_400_000, monthStart.getTime()));
    const practitioner = practitioners[(index * 3) % practitioners.length]!;
    const byHeadOfPractice = index === 4 && headOfPractice !== null;
    return {
      serviceAreaId: manager.serviceAreaId!,
      teamId: practitioner.teamId,
      practitionerId: practitioner.id,
      observerId: byHeadOfPractice ? headOfPractice.id : manager.id,
      observedOn: day,
      setting: planned.setting,
      answers: Object.fromEntries(
        OBSERVATION_CRITERIA.map((criterion, position) => [criterion.key, planned.judgements[position]]),
      ),
      feedback: planned.feedback,
      createdAt: new Date(day.getTime() + 16 * 3_600_000),
    };
  });
  await prisma.$transaction(async (tx) => {
    for (const row of rows) {
      const created = await tx.practiceObservation.create({ data: row, select: { id: true } });
      await tx.auditEvent.create({
        data: {
          occurredAt: row.createdAt,
          actorId: row.observerId,
          action: 'observation.recorded',
          entityType: 'practice_observation',
          entityId: created.id,
          detail: { practitionerId: row.practitionerId, setting: row.setting, version: 1, from: 'demo seed' },
        },
      });
    }
  });
  return { localObservations: rows.length };
}
