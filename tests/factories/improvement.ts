// Register rows for tests: a source (national or an area's), a recommendation
// under it and an action with its first history row, as the app writes them.
import { db } from '@/lib/db/client';
import { createUser, unique } from './index';

export async function createRegisterSource(serviceAreaId: string | null) {
  return db().recommendationSource.create({
    data: {
      title: unique(serviceAreaId ? 'Area plan' : 'Inspection'),
      kind: serviceAreaId ? 'AREA_IMPROVEMENT_PLAN' : 'INSPECTION',
      issuedBy: serviceAreaId ? 'The area' : 'Ofsted',
      issuedOn: new Date('2014-04-01T00:00:00Z'),
      scale: 'MET_ONGOING',
      serviceAreaId,
    },
    select: { id: true, version: true, serviceAreaId: true },
  });
}

/** A source in `serviceAreaId` (null: national) with one recommendation and one action not started. */
export async function createRegisterAction(serviceAreaId: string | null) {
  const source = await createRegisterSource(serviceAreaId);
  const owner = await createUser('SENIOR_SERVICE_MANAGER');
  const recommendation = await db().recommendation.create({
    data: {
      sourceId: source.id,
      number: '1',
      text: 'Raise the share of Good work to 60%',
      kind: 'RECOMMENDATION',
      serviceAreaIds: serviceAreaId ? [serviceAreaId] : [],
      ownerId: owner.id,
      dueOn: new Date('2015-03-31T00:00:00Z'),
    },
    select: { id: true, version: true },
  });
  const action = await db().improvementAction.create({
    data: {
      recommendationId: recommendation.id,
      description: 'Monthly file reading in every team',
      ownerId: owner.id,
      dueOn: new Date('2014-10-31T00:00:00Z'),
    },
    select: { id: true, version: true },
  });
  await db().improvementActionHistory.create({
    data: { actionId: action.id, actorId: owner.id, event: 'created', version: 1 },
  });
  return { source, recommendation, action, owner };
}
