import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { actingAs, createGradedAudit, createServiceArea, createTeam, createUser, unique } from '../factories';
import { db } from '@/lib/db/client';
import { countTeamShares, type TeamShareQuery } from '@/lib/db/team-shares';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { getBoardPack } from '@/lib/use-cases/improvement/get-board-pack';
import { getImprovementPlan } from '@/lib/use-cases/improvement/get-improvement-plan';
import { findImprovementPlans } from '@/lib/use-cases/improvement/find-improvement-plans';

const day = (value: string) => new Date(`${value}T00:00:00Z`);

describe('each team’s share of an audit', () => {
  let auditId = '';
  beforeAll(async () => {
    const area = await createServiceArea();
    const other = await createServiceArea();
    const [north, south, east] = await Promise.all([
      createTeam(area.id),
      createTeam(area.id),
      createTeam(other.id),
    ]);
    const grades = ['good', 'good', 'met', 'not-met', 'good', 'met', 'not-met', 'not-met', 'good'];
    const lawTypes = ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'] as const;
    const teams = [north.id, south.id, east.id];
    const cases = grades.flatMap((grade, index) =>
      teams.map((teamId, t) => ({
        serviceAreaId: t === 2 ? other.id : area.id,
        teamId,
        grade: (index + t) % 4 === 0 ? 'good' : grade,
        lawType: lawTypes[(index + t) % 3]!,
        employment: (index + t) % 5 === 0 ? ('AGENCY' as const) : ('EMPLOYED' as const),
        sectionGrades: { 'voice-of-the-child': grades[(index + 2 * t) % grades.length]!, supervision: grade },
      })),
    );
    ({
      audit: { id: auditId },
    } = await createGradedAudit(cases));
  });

  const fromCaseAudit = async (query: TeamShareQuery) => {
    const keys = query.share === 'GOOD_OR_ABOVE' ? ['good'] : ['not-met'];
    const grade = (answers: unknown, overall: string | null) =>
      query.sectionKey === null
        ? overall
        : ((answers as { sections: Record<string, { grade?: string }> }).sections[query.sectionKey]?.grade ??
          '');
    const rows = await db().caseAudit.findMany({
      where: {
        auditId: query.auditId,
        status: 'SUBMITTED',
        overallGrade: { not: null },
        ...(query.lawTypes.length > 0 ? { lawType: { in: query.lawTypes } } : {}),
        ...(query.employment ? { employment: query.employment } : {}),
      },
      select: { teamId: true, overallGrade: true, answers: true },
    });
    const byTeam = new Map<string, { count: number; n: number }>();
    let total = { count: 0, n: 0 };
    for (const row of rows) {
      const value = grade(row.answers, row.overallGrade);
      if (!value) continue;
      const hit = keys.includes(value) ? 1 : 0;
      total = { count: total.count + hit, n: total.n + 1 };
      const team = byTeam.get(row.teamId!) ?? { count: 0, n: 0 };
      byTeam.set(row.teamId!, { count: team.count + hit, n: team.n + 1 });
    }
    return { total, byTeam };
  };

  it.each<[string, Omit<TeamShareQuery, 'auditId'>]>([
    [
      'overall Good (audit_summary)',
      { sectionKey: null, share: 'GOOD_OR_ABOVE', lawTypes: [], employment: null },
    ],
    [
      'overall Not Met, two law types',
      { sectionKey: null, share: 'LOWEST', lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH'], employment: null },
    ],
    [
      'a section’s Good (audit_section_summary)',
      { sectionKey: 'voice-of-the-child', share: 'GOOD_OR_ABOVE', lawTypes: [], employment: null },
    ],
    [
      'a section’s Not Met (case_audit)',
      { sectionKey: 'voice-of-the-child', share: 'LOWEST', lawTypes: [], employment: null },
    ],
    [
      'agency staff’s Good (case_audit)',
      { sectionKey: null, share: 'GOOD_OR_ABOVE', lawTypes: [], employment: 'AGENCY' },
    ],
    [
      'a renamed section read in its successor',
      { sectionKey: 'child-engagement', share: 'LOWEST', lawTypes: ['PUBLIC_LAW'], employment: null },
    ],
  ])('%s equals the counts taken straight from case_audit', async (_title, filters) => {
    const query = { auditId, ...filters };
    const shares = await countTeamShares(query);
    const expected = await fromCaseAudit(
      filters.sectionKey === 'child-engagement' ? { ...query, sectionKey: 'voice-of-the-child' } : query,
    );
    expect(shares.total).toEqual(expected.total);
    expect(shares.total.n).toBeGreaterThan(0);
    expect(new Map(shares.teams.map((team) => [team.teamId, { count: team.count, n: team.n }]))).toEqual(
      expected.byTeam,
    );
  });
});

describe('an area improvement plan and the board pack, as of a date', () => {
  const asOf = '2061-03-31';
  let sourceId = '';
  let areaId = '';
  const ids = { rec1: '', rec2: '', overdue: '', done: '', later: '', dropped: '', dueToday: '' };

  beforeAll(async () => {
    const area = await createServiceArea();
    areaId = area.id;
    const owner = await createUser('HEAD_OF_SERVICE', area.id);
    const reviewer = await createUser('NATIONAL_SERVICE_DIRECTOR');
    const title = unique('Plan');
    sourceId = randomUUID();
    await db().recommendationSource.create({
      data: {
        id: sourceId,
        title,
        kind: 'AREA_IMPROVEMENT_PLAN',
        issuedBy: 'Service area',
        issuedOn: day('2060-04-01'),
        scale: 'MET_ONGOING',
        serviceAreaId: area.id,
        periodFrom: day('2060-04-01'),
        periodTo: day('2061-03-31'),
        createdAt: day('2060-04-01'),
      },
    });
    ids.rec1 = randomUUID();
    ids.rec2 = randomUUID();
    await db().recommendation.createMany({
      data: [
        {
          id: ids.rec1,
          sourceId,
          number: '1',
          text: 'Raise Good',
          kind: 'RECOMMENDATION',
          serviceAreaIds: [area.id],
          createdAt: day('2060-04-01'),
        },
        {
          id: ids.rec2,
          sourceId,
          number: '2',
          text: 'Cut Not Met',
          kind: 'RECOMMENDATION',
          serviceAreaIds: [area.id],
          status: 'CLOSED',
          createdAt: day('2060-04-01'),
        },
      ],
    });
    const action = (
      id: string,
      dueOn: string,
      status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'DROPPED',
    ) => ({
      id,
      recommendationId: ids.rec1,
      description: `Action due ${dueOn} ${status}`,
      ownerId: owner.id,
      dueOn: day(dueOn),
      status,
      droppedReason: status === 'DROPPED' ? 'No longer needed' : null,
    });
    Object.assign(ids, {
      overdue: randomUUID(),
      done: randomUUID(),
      later: randomUUID(),
      dropped: randomUUID(),
      dueToday: randomUUID(),
    });
    await db().improvementAction.createMany({
      data: [
        action(ids.overdue, '2061-01-31', 'IN_PROGRESS'),
        action(ids.done, '2061-01-31', 'DONE'),
        action(ids.dropped, '2060-12-31', 'DROPPED'),
        action(ids.later, '2061-06-30', 'NOT_STARTED'),
        action(ids.dueToday, asOf, 'NOT_STARTED'),
      ],
    });
    const review = await db().progressReview.create({
      data: {
        sourceId,
        kind: 'MID_POINT',
        title: 'Mid-year review',
        asOf: day('2060-10-01'),
        reviewerId: reviewer.id,
      },
    });
    const judge = (judgement: string, judgedAt: string) => ({
      reviewId: review.id,
      recommendationId: ids.rec1,
      judgement,
      reason: `Judged ${judgement}`,
      evidence: '',
      figures: {},
      judgedById: reviewer.id,
      judgedAt: new Date(judgedAt),
    });
    await db().recommendationJudgement.createMany({
      data: [
        judge('inadequate', '2060-10-01T10:00:00Z'),
        // Late on the day itself: "up to the date" includes the whole day.
        judge('ongoing', `${asOf}T23:30:00Z`),
        judge('met', '2061-04-02T09:00:00Z'),
      ],
    });
  });

  it('lists the actions overdue on the date and each recommendation’s latest judgement by then', async () => {
    const { actor } = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    const { view } = await getBoardPack(actor, asOf);
    const ours = new Set(Object.values(ids));
    expect(view.overdueActions.filter((action) => ours.has(action.id)).map((action) => action.id)).toEqual([
      ids.overdue,
    ]);
    expect(view.overdueActions.find((action) => action.id === ids.overdue)?.daysOverdue).toBe(59);
    const all = view.byStatus.flatMap((group) =>
      group.recommendations.map((rec) => ({ ...rec, group: group.status })),
    );
    expect(all.find((rec) => rec.id === ids.rec1)).toMatchObject({
      group: 'OPEN',
      judgement: { judgement: 'ongoing' },
    });
    expect(all.find((rec) => rec.id === ids.rec2)).toMatchObject({ group: 'CLOSED', judgement: null });

    const later = await getBoardPack(actor, '2061-04-02');
    const laterRec = later.view.byStatus
      .flatMap((group) => group.recommendations)
      .find((rec) => rec.id === ids.rec1);
    expect(laterRec?.judgement?.judgement).toBe('met');
    expect(
      later.view.overdueActions
        .filter((action) => ours.has(action.id))
        .map((action) => action.id)
        .sort(),
    ).toEqual([ids.overdue, ids.dueToday].sort());
    // Before the plan existed there is nothing of it to report.
    const before = await getBoardPack(actor, '2060-01-01');
    expect(
      before.view.byStatus.flatMap((group) => group.recommendations).some((rec) => rec.id === ids.rec1),
    ).toBe(false);
  });

  it('is for the board roles only', async () => {
    const { actor } = await actingAs('HEAD_OF_SERVICE', areaId);
    await expect(getBoardPack(actor, asOf)).rejects.toBeInstanceOf(NotFoundOrForbiddenError);
  });

  it('shows an area’s plan to its own Head of Service with overdue actions flagged, and to no other area', async () => {
    const { actor } = await actingAs('HEAD_OF_SERVICE', areaId);
    const page = await getImprovementPlan(actor, sourceId, new Date(`${asOf}T12:00:00Z`));
    expect(page.plan.priorities.map((priority) => priority.number)).toEqual(['1', '2']);
    const overdue = page.plan.priorities[0]!.actions.filter((action) => action.isOverdue).map(
      (action) => action.id,
    );
    expect(overdue).toEqual([ids.overdue]);
    const otherArea = await createServiceArea();
    const { actor: stranger } = await actingAs('HEAD_OF_SERVICE', otherArea.id);
    await expect(getImprovementPlan(stranger, sourceId, new Date())).rejects.toBeInstanceOf(
      NotFoundOrForbiddenError,
    );
    // The list of plans follows the same scope.
    const listed = await findImprovementPlans(actor, new Date(`${asOf}T12:00:00Z`));
    expect(listed.map((plan) => plan.id)).toEqual([sourceId]);
    expect(listed[0]).toMatchObject({ priorities: 2, openActions: 3, overdueActions: 1 });
    expect((await findImprovementPlans(stranger, new Date())).map((plan) => plan.id)).not.toContain(sourceId);
    await expect(
      findImprovementPlans((await actingAs('IMPROVEMENT_MANAGER')).actor, new Date()),
    ).rejects.toBeInstanceOf(NotFoundOrForbiddenError);
  });
});
