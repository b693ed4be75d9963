import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { countObservations } from '@/lib/db/observation-counts';
import { createPractitioner, createServiceArea, createTeam, createUser } from '../factories';

async function observe(
  serviceAreaId: string,
  teamId: string,
  practitionerId: string,
  observerId: string,
  days: string[],
) {
  await db().practiceObservation.createMany({
    data: days.map((day) => ({
      serviceAreaId,
      teamId,
      practitionerId,
      observerId,
      observedOn: new Date(`${day}T00:00:00Z`),
      setting: 'MEETING' as const,
      answers: {},
      feedback: 'Thank you',
    })),
  });
}

describe('observation counts', () => {
  it('counts a period by area, month and quarter in one pass', async () => {
    const [north, south] = [await createServiceArea(), await createServiceArea()];
    const northTeam = await createTeam(north.id);
    const southTeam = await createTeam(south.id);
    const [northPractitioner, southPractitioner] = [
      await createPractitioner(northTeam.id),
      await createPractitioner(southTeam.id),
    ];
    const observer = await createUser('SERVICE_MANAGER', north.id);
    await observe(north.id, northTeam.id, northPractitioner.id, observer.id, [
      '2031-03-31', // before the period
      '2031-04-01',
      '2031-04-30',
      '2031-06-15',
      '2031-07-01',
      '2031-12-01', // after it
    ]);
    await observe(south.id, southTeam.id, southPractitioner.id, observer.id, ['2031-05-10', '2031-11-30']);

    const north2031 = await countObservations({
      from: '2031-04-01',
      to: '2031-11-30',
      serviceAreaId: north.id,
    });
    expect(north2031).toEqual({
      total: 4,
      byArea: { [north.id]: 4 },
      byMonth: { '2031-04': 2, '2031-06': 1, '2031-07': 1 },
      byQuarter: { '2031-04': 3, '2031-07': 1 },
      byAreaMonth: { [north.id]: { '2031-04': 2, '2031-06': 1, '2031-07': 1 } },
      byAreaQuarter: { [north.id]: { '2031-04': 3, '2031-07': 1 } },
    });

    const national = await countObservations({ from: '2031-04-01', to: '2031-11-30', serviceAreaId: null });
    expect(national.byArea[south.id]).toBe(2);
    expect(national.byAreaQuarter[south.id]).toEqual({ '2031-04': 1, '2031-10': 1 });
    expect(national.total).toBeGreaterThanOrEqual(6);

    const none = await countObservations({
      from: '2031-04-01',
      to: '2031-11-30',
      serviceAreaId: 'no-such-area',
    });
    expect(none.total).toBe(0);
    expect(none.byMonth).toEqual({});
  });
});
