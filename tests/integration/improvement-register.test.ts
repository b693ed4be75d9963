// The register's writes on the real database: a Head of Service manages their
// own area's plan, is refused (and nothing changes) on a national source and on
// another area's, every change appends one history row, and a stale save is
// refused naming what changed.
import { describe, expect, it } from 'vitest';
import { actingAs, createAudit, createServiceArea, unique } from '../factories';
import { createRegisterAction, createRegisterSource } from '../factories/improvement';
import { databaseFingerprint } from '../support/fingerprint';
import { MESSAGES } from '@/lib/actions/run';
import {
  changeImprovementActionStatusAction,
  createImprovementActionAction,
  createRecommendationAction,
  createSourceAction,
  importRecommendationsAction,
  recordImprovementActionUpdateAction,
  updateImprovementActionAction,
} from '@/lib/actions/improvement-register';
import { db } from '@/lib/db/client';
import { findRegister } from '@/lib/use-cases/improvement/find-register';

const history = (actionId: string) =>
  db().improvementActionHistory.findMany({
    where: { actionId },
    orderBy: { id: 'asc' },
    select: { event: true, version: true, changes: true, text: true, evidence: true },
  });

describe('a Head of Service and their own area’s plan', () => {
  it('adds a recommendation and an action, updates progress with evidence and moves the status, one history row each', async () => {
    const area = await createServiceArea();
    const hos = await actingAs('HEAD_OF_SERVICE', area.id);
    const audit = await createAudit();
    const plan = await hos.act(() =>
      createSourceAction({
        title: unique('Improvement plan'),
        kind: 'AREA_IMPROVEMENT_PLAN',
        issuedBy: 'The area',
        issuedOn: '2014-04-01',
        document: '',
        scale: 'MET_ONGOING',
        serviceAreaId: area.id,
        auditId: audit.id,
        periodFrom: '2014-04-01',
        periodTo: '2015-03-31',
      }),
    );
    if (!plan.ok) throw new Error(plan.error);
    const recommendation = await hos.act(() =>
      createRecommendationAction({
        sourceId: plan.data.sourceId,
        number: '1',
        text: 'Raise the share of Good work to 60%',
        kind: 'RECOMMENDATION',
        scope: 'AREAS',
        serviceAreaIds: [area.id],
        lawTypes: ['PUBLIC_LAW'],
        ownerId: hos.id,
        dueOn: '2015-03-31',
      }),
    );
    if (!recommendation.ok) throw new Error(recommendation.error);
    const created = await hos.act(() =>
      createImprovementActionAction({
        recommendationId: recommendation.data.recommendationId,
        description: 'Monthly file reading in every team',
        ownerId: hos.id,
        dueOn: '2014-10-31',
      }),
    );
    if (!created.ok) throw new Error(created.error);
    const actionId = created.data.actionId;

    expect(
      await hos.act(() =>
        recordImprovementActionUpdateAction({
          actionId,
          version: 1,
          text: 'File reading running in two teams.',
          auditIds: [audit.id],
          reportAuditIds: [],
          linkLabel: 'Minutes of the March meeting',
          linkUrl: 'https://intranet.example.org/minutes/march',
        }),
      ),
    ).toEqual({ ok: true, data: null });
    expect(
      await hos.act(() =>
        changeImprovementActionStatusAction({ actionId, version: 2, status: 'IN_PROGRESS' }),
      ),
    ).toEqual({ ok: true, data: null });
    expect(
      await hos.act(() =>
        updateImprovementActionAction({
          actionId,
          version: 3,
          description: 'Monthly file reading in every team',
          ownerId: hos.id,
          dueOn: '2014-11-30',
        }),
      ),
    ).toEqual({ ok: true, data: null });

    const rows = await history(actionId);
    expect(rows.map((row) => [row.event, row.version])).toEqual([
      ['created', 1],
      ['progress-update', 2],
      ['status-changed', 3],
      ['edited', 4],
    ]);
    expect(rows[1]?.evidence).toEqual([
      { kind: 'audit', auditId: audit.id, label: expect.any(String) as string, href: `/audits/${audit.id}` },
      {
        kind: 'link',
        label: 'Minutes of the March meeting',
        href: 'https://intranet.example.org/minutes/march',
      },
    ]);
    expect(rows[2]?.changes).toEqual([{ field: 'status', from: 'NOT_STARTED', to: 'IN_PROGRESS' }]);
    expect(rows[3]?.changes).toEqual([{ field: 'dueOn', from: '2014-10-31', to: '2014-11-30' }]);
    expect(
      await db().improvementAction.findUnique({
        where: { id: actionId },
        select: { status: true, version: true },
      }),
    ).toEqual({ status: 'IN_PROGRESS', version: 4 });

    // The register shows the plan and its open action to its Head of Service.
    const register = await findRegister(
      hos.actor,
      { sourceId: plan.data.sourceId, status: null, serviceAreaId: null },
      new Date('2014-12-01T12:00:00Z'),
    );
    expect(register.rows).toMatchObject([
      { number: '1', openActions: 1, overdueActions: 1, latestJudgement: null },
    ]);
  });

  it('is refused on a national source and on another area’s plan, and nothing changes', async () => {
    const area = await createServiceArea();
    const other = await createServiceArea();
    const hos = await actingAs('HEAD_OF_SERVICE', area.id);
    const national = await createRegisterAction(null);
    const elsewhere = await createRegisterAction(other.id);
    for (const target of [national, elsewhere]) {
      const before = await databaseFingerprint();
      const calls: (() => Promise<{ ok: boolean; error?: string }>)[] = [
        () =>
          changeImprovementActionStatusAction({
            actionId: target.action.id,
            version: 1,
            status: 'IN_PROGRESS',
          }),
        () =>
          recordImprovementActionUpdateAction({
            actionId: target.action.id,
            version: 1,
            text: 'Progress',
            auditIds: [],
            reportAuditIds: [],
          }),
        () =>
          createImprovementActionAction({
            recommendationId: target.recommendation.id,
            description: 'Another action',
            ownerId: hos.id,
            dueOn: '2015-01-31',
          }),
        () =>
          createRecommendationAction({
            sourceId: target.source.id,
            number: '2',
            text: 'Another recommendation',
            kind: 'RECOMMENDATION',
            scope: 'NATIONAL',
            serviceAreaIds: [],
            lawTypes: [],
            ownerId: '',
            dueOn: '',
          }),
      ];
      for (const call of calls) expect(await hos.act(call)).toEqual({ ok: false, error: MESSAGES.notFound });
      expect(await databaseFingerprint()).toEqual(before);
    }
    // Reading: the national source is in their register, the other area's is not.
    const register = await findRegister(
      hos.actor,
      { sourceId: null, status: null, serviceAreaId: null },
      new Date(),
    );
    const sourceIds = new Set(register.sources.map((source) => source.id));
    expect(sourceIds.has(national.source.id)).toBe(true);
    expect(sourceIds.has(elsewhere.source.id)).toBe(false);
    // Nor may they create a national source.
    const before = await databaseFingerprint();
    expect(
      await hos.act(() =>
        createSourceAction({
          title: unique('National'),
          kind: 'INSPECTION',
          issuedBy: 'Ofsted',
          issuedOn: '2014-03-31',
          document: '',
          scale: 'MET_ONGOING',
          serviceAreaId: '',
          auditId: '',
          periodFrom: '',
          periodTo: '',
        }),
      ),
    ).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe('action rules and concurrency', () => {
  it('refuses a stale save, naming who changed what, and leaves the winner’s change alone', async () => {
    const area = await createServiceArea();
    const { action } = await createRegisterAction(area.id);
    const first = await actingAs('HEAD_OF_SERVICE', area.id);
    const second = await actingAs('ASSISTANT_DIRECTOR', area.id);
    await db().user.update({ where: { id: first.id }, data: { name: 'Hana Osei' } });
    expect(
      await first.act(() =>
        changeImprovementActionStatusAction({ actionId: action.id, version: 1, status: 'DONE' }),
      ),
    ).toEqual({ ok: true, data: null });
    const before = await databaseFingerprint();
    const stale = await second.act(() =>
      changeImprovementActionStatusAction({ actionId: action.id, version: 1, status: 'IN_PROGRESS' }),
    );
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error).toMatch(
      /^This action changed after you opened it\. Hana Osei \(.+\): status: Not started → Done\. Reload/,
    );
    expect(await databaseFingerprint()).toEqual(before);
    expect((await history(action.id)).map((row) => row.event)).toEqual(['created', 'status-changed']);
  });

  it('needs a reason to drop an action, and keeps it in the history', async () => {
    const area = await createServiceArea();
    const { action } = await createRegisterAction(area.id);
    const hos = await actingAs('HEAD_OF_SERVICE', area.id);
    const before = await databaseFingerprint();
    expect(
      await hos.act(() =>
        changeImprovementActionStatusAction({
          actionId: action.id,
          version: 1,
          status: 'DROPPED',
          droppedReason: ' ',
        }),
      ),
    ).toEqual({
      ok: false,
      error: 'Say why the action is dropped',
      fieldErrors: { droppedReason: 'Say why the action is dropped' },
    });
    expect(await databaseFingerprint()).toEqual(before);
    expect(
      await hos.act(() =>
        changeImprovementActionStatusAction({
          actionId: action.id,
          version: 1,
          status: 'DROPPED',
          droppedReason: 'Replaced by the practice workshop',
        }),
      ),
    ).toEqual({ ok: true, data: null });
    const rows = await history(action.id);
    expect(rows.at(-1)).toMatchObject({
      event: 'status-changed',
      text: 'Replaced by the practice workshop',
      changes: [
        { field: 'status', from: 'NOT_STARTED', to: 'DROPPED' },
        { field: 'droppedReason', from: '', to: 'Replaced by the practice workshop' },
      ],
    });
  });

  it('refuses a javascript: evidence link, naming the field, and writes nothing', async () => {
    const area = await createServiceArea();
    const { action } = await createRegisterAction(area.id);
    const hos = await actingAs('HEAD_OF_SERVICE', area.id);
    const before = await databaseFingerprint();
    const result = await hos.act(() =>
      recordImprovementActionUpdateAction({
        actionId: action.id,
        version: 1,
        text: 'See link',
        auditIds: [],
        reportAuditIds: [],
        linkLabel: 'Click',
        linkUrl: 'javascript:alert(1)',
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { linkUrl: 'Enter a web address starting with https://' },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe('import', () => {
  it('checks, then imports all or nothing, and a second import changes nothing', async () => {
    const area = await createServiceArea();
    const ssm = await actingAs('SENIOR_SERVICE_MANAGER');
    const existing = await createRegisterSource(null);
    const title = await db().recommendationSource.findUniqueOrThrow({
      where: { id: existing.id },
      select: { title: true },
    });
    const newTitle = unique('Review');
    const good = [
      'source_title,source_kind,issued_by,issued_on,scale,source_area,number,text,scope_areas,law_types,due_on',
      `${newTitle},Review,HMI,2014-05-01,Satisfactory / inadequate progress,,1,Improve letters,${area.code},Public Law,2015-01-31`,
      `${newTitle},,,,,,2,Improve plans,,,`,
      `${title.title},,,,,,7,Improve supervision,,,`,
    ].join('\n');
    const send = (csv: string, commit: boolean) =>
      ssm.act(() =>
        importRecommendationsAction({
          fileName: 'recs.csv',
          contentBase64: Buffer.from(csv).toString('base64'),
          commit,
        }),
      );
    const bad = `${good}\n${newTitle},,,,,,2,Duplicate number,,,`;
    const before = await databaseFingerprint();
    expect(await send(bad, true)).toMatchObject({
      ok: true,
      data: { status: 'problems', problems: [{ line: 5, column: 'number' }] },
    });
    expect(await databaseFingerprint()).toEqual(before);
    expect(await send(good, false)).toEqual({
      ok: true,
      data: { status: 'checked', rowCount: 3, newSources: [newTitle], recommendationCount: 3 },
    });
    expect(await databaseFingerprint()).toEqual(before);
    expect(await send(good, true)).toMatchObject({
      ok: true,
      data: { status: 'imported', sourcesCreated: 1, recommendationsCreated: 3, recommendationsUpdated: 0 },
    });
    const again = await send(
      good.replace(`${newTitle},Review,HMI,2014-05-01,Satisfactory / inadequate progress`, `${newTitle},,,,`),
      true,
    );
    expect(again).toMatchObject({
      ok: true,
      data: { status: 'imported', sourcesCreated: 0, recommendationsCreated: 0, recommendationsUnchanged: 3 },
    });
    const imported = await db().recommendation.findFirstOrThrow({
      where: { source: { title: newTitle }, number: '1' },
      select: { serviceAreaIds: true, lawTypes: true },
    });
    expect(imported).toEqual({ serviceAreaIds: [area.id], lawTypes: ['PUBLIC_LAW'] });
  });
});
