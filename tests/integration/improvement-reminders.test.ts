import { describe, expect, it } from 'vitest';
import { actingAs, createServiceArea, createUser, unique } from '../factories';
import { db } from '@/lib/db/client';
import { findOverdueImprovementWork } from '@/lib/use-cases/improvement/find-overdue-improvement-work';
import { findInspectionJudgements } from '@/lib/use-cases/improvement/find-inspection-judgements';
import { recordInspectionJudgement } from '@/lib/use-cases/improvement/record-inspection-judgement';
import { sendDueReminders } from '@/lib/use-cases/improvement/send-due-reminders';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(`${iso}T07:00:00Z`);

async function actionUnder(options: { serviceAreaId: string | null; ownerId: string; dueOn: string }) {
  const source = await db().recommendationSource.create({
    data: {
      title: unique('Source'),
      kind: options.serviceAreaId ? 'AREA_IMPROVEMENT_PLAN' : 'INSPECTION',
      issuedBy: 'Ofsted',
      issuedOn: day('2014-03-31'),
      scale: 'MET_ONGOING',
      serviceAreaId: options.serviceAreaId,
    },
  });
  const recommendation = await db().recommendation.create({
    data: { sourceId: source.id, number: '1', text: 'Improve the % Good', kind: 'RECOMMENDATION' },
  });
  return db().improvementAction.create({
    data: {
      recommendationId: recommendation.id,
      description: unique('Monthly file reading'),
      ownerId: options.ownerId,
      dueOn: day(options.dueOn),
    },
  });
}

/** What the job sent about these actions (other test files' items share the database). */
async function sentFor(now: Date, actionIds: string[]) {
  const { sent } = await sendDueReminders(now);
  return sent
    .filter((reminder) => actionIds.includes(reminder.subjectId))
    .map((reminder) => ({
      kind: reminder.kind,
      subjectId: reminder.subjectId,
      userIds: reminder.userIds.sort(),
    }))
    .sort((a, b) => a.subjectId.localeCompare(b.subjectId));
}

describe('reminders that escalate (the clock injected)', () => {
  it('reminds the owner a week before and on the day, then escalates once to the manager role', async () => {
    const area = await createServiceArea();
    const head = await createUser('HEAD_OF_SERVICE', area.id);
    const assistantDirector = await createUser('ASSISTANT_DIRECTOR', area.id);
    const seniorManager = await createUser('SENIOR_SERVICE_MANAGER');
    const director = await createUser('NATIONAL_SERVICE_DIRECTOR');
    const areaAction = await actionUnder({
      serviceAreaId: area.id,
      ownerId: assistantDirector.id,
      dueOn: '2015-03-31',
    });
    const nationalAction = await actionUnder({
      serviceAreaId: null,
      ownerId: seniorManager.id,
      dueOn: '2015-03-31',
    });
    const ids = [areaAction.id, nationalAction.id];
    const expectOwners = (kind: string) =>
      [
        { kind, subjectId: areaAction.id, userIds: [assistantDirector.id] },
        { kind, subjectId: nationalAction.id, userIds: [seniorManager.id] },
      ].sort((a, b) => a.subjectId.localeCompare(b.subjectId));

    expect(await sentFor(at('2015-03-23'), ids)).toEqual([]);
    expect(await sentFor(at('2015-03-24'), ids)).toEqual(expectOwners('due-soon'));
    expect(await sentFor(at('2015-03-24'), ids)).toEqual([]);
    expect(await sentFor(at('2015-03-28'), ids)).toEqual([]);
    expect(await sentFor(at('2015-03-31'), ids)).toEqual(expectOwners('due'));

    const overdue = await sentFor(at('2015-04-01'), ids);
    const areaOverdue = overdue.find((reminder) => reminder.subjectId === areaAction.id);
    const nationalOverdue = overdue.find((reminder) => reminder.subjectId === nationalAction.id);
    expect(areaOverdue).toEqual({ kind: 'overdue', subjectId: areaAction.id, userIds: [head.id] });
    expect(nationalOverdue?.kind).toBe('overdue');
    expect(nationalOverdue?.userIds).toContain(director.id);
    expect(nationalOverdue?.userIds).not.toContain(seniorManager.id);
    expect(await sentFor(at('2015-04-02'), ids)).toEqual([]);

    const inbox = await db().notification.findMany({
      where: { userId: head.id },
      select: { title: true, link: true },
    });
    expect(inbox).toEqual([
      {
        title: `Overdue: ${areaAction.description} (${(await db().recommendationSource.findFirstOrThrow({ where: { recommendations: { some: { id: areaAction.recommendationId } } } })).title}, 1)`,
        link: `/improvement/recommendations/${areaAction.recommendationId}`,
      },
    ]);
    expect(await db().notification.count({ where: { userId: assistantDirector.id } })).toBe(2);
  });

  it('escalates past an owner who is the area’s only Head of Service, and forgets finished work', async () => {
    const area = await createServiceArea();
    const head = await createUser('HEAD_OF_SERVICE', area.id);
    const director = await createUser('NATIONAL_SERVICE_DIRECTOR');
    const owned = await actionUnder({ serviceAreaId: area.id, ownerId: head.id, dueOn: '2015-06-30' });
    const done = await actionUnder({ serviceAreaId: area.id, ownerId: head.id, dueOn: '2015-06-30' });
    await db().improvementAction.update({ where: { id: done.id }, data: { status: 'DONE' } });
    const sent = await sentFor(at('2015-07-01'), [owned.id, done.id]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subjectId).toBe(owned.id);
    expect(sent[0]?.userIds).toContain(director.id);
    expect(sent[0]?.userIds).not.toContain(head.id);
    // A new due date re-arms the reminders.
    await db().improvementAction.update({ where: { id: owned.id }, data: { dueOn: day('2015-07-31') } });
    expect((await sentFor(at('2015-07-24'), [owned.id]))[0]?.kind).toBe('due-soon');
  });

  it('lists overdue work on the homes: the NSD all of it, an area lead their area’s and their own', async () => {
    const area = await createServiceArea();
    const other = await createServiceArea();
    const { actor: head } = await actingAs('HEAD_OF_SERVICE', area.id);
    const { actor: director } = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    const seniorManager = await createUser('SENIOR_SERVICE_MANAGER');
    const ours = await actionUnder({ serviceAreaId: area.id, ownerId: head.userId, dueOn: '2015-03-31' });
    const theirs = await actionUnder({
      serviceAreaId: other.id,
      ownerId: seniorManager.id,
      dueOn: '2015-03-31',
    });
    const national = await actionUnder({
      serviceAreaId: null,
      ownerId: seniorManager.id,
      dueOn: '2015-03-31',
    });
    const notYet = await actionUnder({ serviceAreaId: area.id, ownerId: head.userId, dueOn: '2015-04-30' });
    const ids = (items: { subjectId: string }[]) => items.map((item) => item.subjectId);
    const forHead = ids(await findOverdueImprovementWork(head, at('2015-04-15')));
    expect(forHead).toContain(ours.id);
    expect(forHead).not.toContain(theirs.id);
    expect(forHead).not.toContain(national.id);
    expect(forHead).not.toContain(notYet.id);
    const forDirector = ids(await findOverdueImprovementWork(director, at('2015-04-15')));
    expect(forDirector).toEqual(expect.arrayContaining([ours.id, theirs.id, national.id]));
    expect(forDirector).not.toContain(notYet.id);
    const { actor: improvementManager } = await actingAs('IMPROVEMENT_MANAGER');
    expect(await findOverdueImprovementWork(improvementManager, at('2015-04-15'))).toEqual([]);
  });
});

describe('area inspection judgements', () => {
  it('are recorded once per area and date, and read by area', async () => {
    const area = await createServiceArea();
    const other = await createServiceArea();
    const { actor: director } = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    const { actor: head } = await actingAs('HEAD_OF_SERVICE', area.id);
    const now = at('2018-04-01');
    const input = {
      serviceAreaId: area.id,
      judgedOn: '2018-03-02',
      grade: 'GOOD' as const,
      inspectedBy: 'Ofsted',
      note: '',
    };
    await recordInspectionJudgement(director, input, now);
    await recordInspectionJudgement(
      director,
      { ...input, serviceAreaId: other.id, grade: 'INADEQUATE' },
      now,
    );
    await expect(recordInspectionJudgement(director, input, now)).rejects.toThrow(/already has a judgement/);
    await expect(
      recordInspectionJudgement(director, { ...input, judgedOn: '2018-05-01' }, now),
    ).rejects.toThrow(/future/);
    const before = await db().areaInspectionJudgement.count();
    await expect(
      recordInspectionJudgement(head, { ...input, judgedOn: '2018-03-01' }, now),
    ).rejects.toThrow();
    expect(await db().areaInspectionJudgement.count()).toBe(before);

    const headSees = await findInspectionJudgements(head, null);
    expect(headSees.map((judgement) => judgement.areaCode)).toEqual([area.code]);
    expect(headSees[0]).toMatchObject({
      grade: 'GOOD',
      judgedOn: '2018-03-02',
      audit: null,
      disagreement: null,
    });
    const directorSees = (await findInspectionJudgements(director, null)).map(
      (judgement) => judgement.areaCode,
    );
    expect(directorSees).toEqual(expect.arrayContaining([area.code, other.code]));
  });
});
