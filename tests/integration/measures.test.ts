import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actingAs,
  createGradedAudit,
  createServiceArea,
  createTeam,
  createUser,
  unique,
  type GradedCaseSpec,
} from '../factories';
import { databaseFingerprint } from '../support/fingerprint';
import {
  commissionThematicAuditAction,
  createMeasureAction,
  deleteMeasureAction,
  updateMeasureAction,
} from '@/lib/actions/improvement-measures';
import { MESSAGES } from '@/lib/actions/run';
import { getRecommendationMeasures } from '@/lib/use-cases/improvement/get-recommendation-measures';
import { getCommissionForm } from '@/lib/use-cases/improvement/get-commission-form';
import { getCommissionedSample } from '@/lib/use-cases/improvement/get-commissioned-sample';
import { db } from '@/lib/db/client';
import { loadMeasureSeries, measureSource } from '@/lib/db/measure-series';
import { assembleMeasure, type MeasureDefinition } from '@/lib/domain/measures';
import type { RubricContent } from '@/lib/domain/rubric';
import {
  LOCAL_QUALITY_IMPACT_TOOL,
  NATIONAL_THRESHOLD_2013,
  NATIONAL_THRESHOLD_OCTOBER_2014,
} from '../../prisma/seed/thresholds';

type Audit = { id: string; content: RubricContent; kind: string; sectionFor: Record<string, string> };

const LAW_TYPES = ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'] as const;

/** A deterministic spread of cases over the areas and teams, grades from the audit's own scale. */
function spread(
  content: RubricContent,
  places: { serviceAreaId: string; teamId: string }[],
  count: number,
  seed: number,
): GradedCaseSpec[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const grades = content.scale.levels.map((level) => level.key);
  return Array.from({ length: count }, (_, index) => {
    const place = places[index % places.length]!;
    return {
      ...place,
      grade: grades[next(grades.length)]!,
      lawType: LAW_TYPES[next(3)],
      employment: next(5) === 0 ? 'AGENCY' : 'EMPLOYED',
      sectionGrades: Object.fromEntries(
        content.sections.flatMap((section) =>
          next(6) === 0 ? [] : [[section.key, grades[next(grades.length)]!]],
        ),
      ),
    };
  });
}

const base: Omit<MeasureDefinition, 'id' | 'label'> = {
  recommendationId: 'test',
  sectionKey: null,
  share: 'GOOD_OR_ABOVE',
  auditKinds: [],
  lawTypes: [],
  serviceAreaIds: [],
  teamIds: [],
  employment: null,
  baselineAuditId: null,
  targetPercent: null,
  targetDirection: 'AT_LEAST',
  version: 1,
};

describe('measure series', () => {
  let areas: string[] = [];
  let teams: string[] = [];
  const audits: Audit[] = [];
  let unpublished = '';

  beforeAll(async () => {
    const a = await createServiceArea();
    const b = await createServiceArea();
    const [a1, a2, b1] = await Promise.all([createTeam(a.id), createTeam(a.id), createTeam(b.id)]);
    areas = [a.id, b.id];
    teams = [a1.id, a2.id, b1.id];
    const places = [
      { serviceAreaId: a.id, teamId: a1.id },
      { serviceAreaId: a.id, teamId: a2.id },
      { serviceAreaId: b.id, teamId: b1.id },
    ];
    const plans: {
      content: RubricContent;
      windowTo: string;
      kind?: 'THEMATIC' | 'LOCAL_QUALITY_IMPACT';
      sectionFor: Record<string, string>;
    }[] = [
      // 2013: case planning was part of "recording and planning".
      {
        content: NATIONAL_THRESHOLD_2013,
        windowTo: '2013-08-31',
        sectionFor: {
          'case-planning': 'recording-and-planning',
          reporting: 'reporting',
          safeguarding: 'safeguarding',
        },
      },
      {
        content: NATIONAL_THRESHOLD_OCTOBER_2014,
        windowTo: '2014-10-31',
        sectionFor: {
          'case-planning': 'case-planning',
          reporting: 'reporting',
          safeguarding: 'safeguarding',
        },
      },
      {
        content: NATIONAL_THRESHOLD_OCTOBER_2014,
        windowTo: '2015-03-31',
        kind: 'THEMATIC',
        sectionFor: {
          'case-planning': 'case-planning',
          reporting: 'reporting',
          safeguarding: 'safeguarding',
        },
      },
      // A four-point scale: "Good or above" is two levels.
      {
        content: LOCAL_QUALITY_IMPACT_TOOL,
        windowTo: '2015-06-30',
        kind: 'LOCAL_QUALITY_IMPACT',
        sectionFor: {},
      },
    ];
    for (const [index, plan] of plans.entries()) {
      const { audit } = await createGradedAudit(spread(plan.content, places, 60, 17 + index), {
        content: plan.content,
        windowTo: plan.windowTo,
        kind: plan.kind,
      });
      audits.push({
        id: audit.id,
        content: plan.content,
        kind: plan.kind ?? 'NATIONAL_PRACTICE_QUALITY',
        sectionFor: plan.sectionFor,
      });
    }
    const { audit: grading } = await createGradedAudit(
      spread(NATIONAL_THRESHOLD_OCTOBER_2014, places, 20, 99),
      {
        status: 'GRADING',
        windowTo: '2015-09-30',
      },
    );
    unpublished = grading.id;
  }, 120_000);

  /** The same figure counted the plain way: straight from case_audit, one audit at a time. */
  async function straightFromCaseAudit(measure: MeasureDefinition) {
    const result: { auditId: string; count: number; total: number }[] = [];
    for (const audit of audits) {
      if (measure.auditKinds.length > 0 && !measure.auditKinds.includes(audit.kind as never)) continue;
      const scale = audit.content.scale;
      const counted =
        measure.share === 'GOOD_OR_ABOVE'
          ? scale.levels.filter((level) => level.isGoodOrAbove).map((level) => level.key)
          : [scale.lowestLevelKey ?? ''];
      const section = measure.sectionKey ? audit.sectionFor[measure.sectionKey] : null;
      if (measure.sectionKey && !section) continue;
      const rows = await db().caseAudit.findMany({
        where: {
          auditId: audit.id,
          status: 'SUBMITTED',
          overallGrade: { not: null },
          ...(measure.lawTypes.length ? { lawType: { in: measure.lawTypes } } : {}),
          ...(measure.serviceAreaIds.length ? { serviceAreaId: { in: measure.serviceAreaIds } } : {}),
          ...(measure.teamIds.length ? { teamId: { in: measure.teamIds } } : {}),
          ...(measure.employment ? { employment: measure.employment } : {}),
        },
        select: { overallGrade: true, answers: true },
      });
      const grades = rows
        .map((row) =>
          section
            ? ((row.answers as { sections: Record<string, { grade?: string | null }> }).sections[section]
                ?.grade ?? '')
            : (row.overallGrade ?? ''),
        )
        .filter((grade) => grade !== '');
      if (grades.length === 0) continue;
      result.push({
        auditId: audit.id,
        count: grades.filter((grade) => counted.includes(grade)).length,
        total: grades.length,
      });
    }
    return result;
  }

  const cases: [
    string,
    () => Omit<MeasureDefinition, 'id' | 'label' | 'recommendationId' | 'version'>,
    string,
  ][] = [
    [
      'overall Good, one area, one law type',
      () => ({ ...base, serviceAreaIds: [areas[0]!], lawTypes: ['PRIVATE_LAW_WAFH'] }),
      'audit_summary',
    ],
    [
      'overall lowest grade, both areas, national audits only',
      () => ({ ...base, share: 'LOWEST', serviceAreaIds: areas, auditKinds: ['NATIONAL_PRACTICE_QUALITY'] }),
      'audit_summary',
    ],
    [
      'overall Good, two teams, two law types',
      () => ({ ...base, teamIds: [teams[0]!, teams[2]!], lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WTFH'] }),
      'audit_summary',
    ],
    [
      'overall Good, agency staff of both areas',
      () => ({ ...base, serviceAreaIds: areas, employment: 'AGENCY' }),
      'case_audit',
    ],
    [
      'lowest grade, employed staff, one team',
      () => ({ ...base, share: 'LOWEST', teamIds: [teams[1]!], employment: 'EMPLOYED' }),
      'case_audit',
    ],
    [
      'a section’s Good, across the 2013 lineage',
      () => ({ ...base, sectionKey: 'case-planning', serviceAreaIds: areas }),
      'audit_section_summary',
    ],
    [
      'a section’s Good, thematic audits, one area',
      () => ({ ...base, sectionKey: 'reporting', serviceAreaIds: [areas[1]!], auditKinds: ['THEMATIC'] }),
      'audit_section_summary',
    ],
    [
      'a section’s lowest grade, one area',
      () => ({ ...base, share: 'LOWEST', sectionKey: 'safeguarding', serviceAreaIds: [areas[0]!] }),
      'case_audit',
    ],
    [
      'a section’s Good, agency staff',
      () => ({ ...base, sectionKey: 'reporting', serviceAreaIds: areas, employment: 'AGENCY' }),
      'case_audit',
    ],
  ];

  it.each(cases)('%s equals the counts taken straight from case_audit', async (_name, build, source) => {
    const measure: MeasureDefinition = {
      ...build(),
      id: 'm',
      label: 'm',
      recommendationId: 'test',
      version: 1,
    };
    expect(measureSource(measure)).toBe(source);
    const [data] = await loadMeasureSeries([measure]);
    const expected = await straightFromCaseAudit(measure);
    expect(expected.length).toBeGreaterThan(0);
    expect(data?.counts.map(({ auditId, count, total }) => ({ auditId, count, total }))).toEqual(expected);
    expect(data?.counts.some((count) => count.auditId === unpublished)).toBe(false);
  });

  it('loads several measures at once and assembles them with their names', async () => {
    const measures: MeasureDefinition[] = [
      {
        ...base,
        id: 'one',
        label: 'one',
        serviceAreaIds: [areas[0]!],
        lawTypes: ['PRIVATE_LAW_WAFH'],
        baselineAuditId: audits[0]!.id,
        targetPercent: 60,
      },
      {
        ...base,
        id: 'two',
        label: 'two',
        share: 'LOWEST',
        teamIds: [teams[2]!],
        sectionKey: 'safeguarding',
        baselineAuditId: audits[1]!.id,
      },
    ];
    const data = await loadMeasureSeries(measures);
    expect(data.map((item) => item.measureId)).toEqual(['one', 'two']);
    const area = await db().serviceArea.findUniqueOrThrow({
      where: { id: areas[0]! },
      select: { code: true },
    });
    const one = assembleMeasure(measures[0]!, data[0]!.names, data[0]!.counts);
    expect(one.filtersText).toBe(`Private Law WAFH, ${area.code}`);
    expect(one.baseline?.auditId).toBe(audits[0]!.id);
    expect(one.series.at(-1)?.auditId).toBe(audits[3]!.id);
    expect(one.sentence.startsWith(`${area.code} Private Law WAFH: `)).toBe(true);
    const two = assembleMeasure(measures[1]!, data[1]!.names, data[1]!.counts);
    expect(two.shareLabel).toBe('Not Met');
    expect(two.sectionTitle).toBe('Safeguarding');
  });
});

/** A source (national, or one area's) with one open recommendation. */
async function createRecommendation(
  serviceAreaId: string | null,
  status: 'OPEN' | 'CLOSED' = 'OPEN',
  text = 'Improve the % Good in Private Law, WAFH',
) {
  const owner = await createUser('NATIONAL_SERVICE_DIRECTOR');
  const source = await db().recommendationSource.create({
    data: {
      title: unique('Inspection'),
      kind: 'INSPECTION',
      issuedBy: 'Ofsted',
      issuedOn: new Date('2014-03-31T00:00:00Z'),
      scale: 'MET_ONGOING',
      serviceAreaId,
      createdById: owner.id,
    },
    select: { id: true },
  });
  return db().recommendation.create({
    data: {
      sourceId: source.id,
      number: '13',
      text,
      kind: 'RECOMMENDATION',
      serviceAreaIds: serviceAreaId ? [serviceAreaId] : [],
      lawTypes: ['PRIVATE_LAW_WAFH'],
      ownerId: owner.id,
      dueOn: new Date('2015-05-31T00:00:00Z'),
      status,
    },
    select: { id: true },
  });
}

describe('measures on a recommendation, and commissioning an audit to test one', () => {
  let area = '';
  let otherArea = '';
  let baseline = '';

  /** An area whose WAFH went from 3 of 11 Good to 8 of 12: Rec 13's figures in the demo. */
  async function areaWithTwoAudits() {
    const areaId = (await createServiceArea()).id;
    const team = (await createTeam(areaId)).id;
    const cases = (good: number, total: number) =>
      Array.from({ length: total }, (_, index) => ({
        serviceAreaId: areaId,
        teamId: team,
        lawType: 'PRIVATE_LAW_WAFH' as const,
        grade: index < good ? 'good' : 'met',
      }));
    const first = await createGradedAudit(cases(3, 11), {
      windowTo: '2013-08-31',
      name: unique('September 2013'),
    });
    const second = await createGradedAudit(cases(8, 12), {
      windowTo: '2014-10-31',
      name: unique('November 2014'),
    });
    return { areaId, team, baseline: first.audit.id, later: second.audit.id };
  }

  beforeAll(async () => {
    ({ areaId: area, baseline } = await areaWithTwoAudits());
    otherArea = (await createServiceArea()).id;
  }, 60_000);

  const fields = (place = { areaId: area, baseline }) => ({
    label: '% Good, Private Law WAFH',
    sectionKey: '',
    share: 'GOOD_OR_ABOVE',
    auditKinds: ['NATIONAL_PRACTICE_QUALITY', 'THEMATIC'],
    lawTypes: ['PRIVATE_LAW_WAFH'],
    serviceAreaIds: [place.areaId],
    teamIds: [],
    employment: '',
    baselineAuditId: place.baseline,
    targetPercent: '60',
    targetDirection: 'AT_LEAST',
  });

  it('creates, reads, changes (version-guarded) and deletes a measure, each change in audit_event', async () => {
    const recommendation = await createRecommendation(null);
    const nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    const created = await nsd.act(() =>
      createMeasureAction({ recommendationId: recommendation.id, ...fields() }),
    );
    expect(created).toMatchObject({ ok: true });
    const measureId = created.ok ? created.data.id : '';

    const view = await getRecommendationMeasures(nsd.actor, recommendation.id);
    const measure = view.measures[0];
    expect(measure?.sentence).toMatch(
      /: 27% Good \(n = 11\) in .* → 67% \(n = 12\) in .*, up 40 points \(95% interval −1 to 66 points\); target \(≥ 60%\) met; could be chance variation$/,
    );
    expect(view).toMatchObject({ canManage: true, canCommission: true, isOpen: true });

    const changed = await nsd.act(() =>
      updateMeasureAction({ measureId, version: 1, ...fields(), targetPercent: '70' }),
    );
    expect(changed).toMatchObject({ ok: true });
    // A second save from the same old page is refused, never applied over the first.
    const stale = await nsd.act(() =>
      updateMeasureAction({ measureId, version: 1, ...fields(), targetPercent: '50' }),
    );
    expect(stale).toEqual({ ok: false, error: MESSAGES.stale });
    expect((await db().measure.findUniqueOrThrow({ where: { id: measureId } })).targetPercent).toBe(70);

    expect(await nsd.act(() => deleteMeasureAction({ measureId, version: 1 }))).toEqual({
      ok: false,
      error: MESSAGES.stale,
    });
    expect(await nsd.act(() => deleteMeasureAction({ measureId, version: 2 }))).toMatchObject({ ok: true });
    expect(await db().measure.count({ where: { id: measureId } })).toBe(0);
    const events = await db().auditEvent.findMany({
      where: { entityId: measureId },
      orderBy: { occurredAt: 'asc' },
    });
    expect(events.map((event) => event.action)).toEqual([
      'measure.created',
      'measure.updated',
      'measure.deleted',
    ]);
  });

  it('keeps an area’s recommendation to its own area, and its Head of Service out of national ones', async () => {
    const own = await createRecommendation(area);
    const national = await createRecommendation(null);
    const hos = await actingAs('HEAD_OF_SERVICE', area);
    expect(await hos.act(() => createMeasureAction({ recommendationId: own.id, ...fields() }))).toMatchObject(
      { ok: true },
    );
    const wrongArea = await hos.act(() =>
      createMeasureAction({ recommendationId: own.id, ...fields(), serviceAreaIds: [otherArea] }),
    );
    expect(wrongArea).toMatchObject({
      ok: false,
      fieldErrors: { serviceAreaIds: expect.any(String) as unknown },
    });
    const before = await databaseFingerprint();
    expect(await hos.act(() => createMeasureAction({ recommendationId: national.id, ...fields() }))).toEqual({
      ok: false,
      error: MESSAGES.notFound,
    });
    expect(await databaseFingerprint()).toEqual(before);
    // They read the national recommendation's measures, and cannot change them.
    expect((await getRecommendationMeasures(hos.actor, national.id)).canManage).toBe(false);
  });

  it('refuses a section that is not in the baseline audit’s threshold version', async () => {
    const recommendation = await createRecommendation(null);
    const nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    const result = await nsd.act(() =>
      createMeasureAction({
        recommendationId: recommendation.id,
        ...fields(),
        sectionKey: 'no-such-section',
      }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { sectionKey: expect.any(String) as unknown } });
  });

  it('commissions a draft thematic audit linked to the measure in one go, sized per area; published, its figures join', async () => {
    // An area of its own: the published thematic audit below must not join the other tests' series.
    const place = await areaWithTwoAudits();
    const recommendation = await createRecommendation(null);
    const ssm = await actingAs('SENIOR_SERVICE_MANAGER');
    const created = await ssm.act(() =>
      createMeasureAction({ recommendationId: recommendation.id, ...fields(place) }),
    );
    const measureId = created.ok ? created.data.id : '';
    const form = await getCommissionForm(ssm.actor, recommendation.id, measureId, '2015-01-15');
    expect(form.defaults).toMatchObject({
      kind: 'THEMATIC',
      lawTypes: ['PRIVATE_LAW_WAFH'],
      serviceAreaIds: [place.areaId],
      goodOrAboveTarget: 60,
      targetDate: '2015-05-31',
      windowFrom: '2014-10-01',
      windowTo: '2015-01-15',
      leadId: ssm.id,
    });
    expect(form.sampleSizes).toEqual([
      expect.objectContaining({
        serviceAreaId: place.areaId,
        baselinePercent: 27,
        needed: 35,
        baselineTooSmall: true,
      }),
    ]);
    const commissioned = await ssm.act(() =>
      commissionThematicAuditAction({
        ...form.defaults,
        name: unique('Thematic audit'),
        goodOrAboveTarget: '60',
        lowestTarget: '',
        targetDate: form.defaults.targetDate ?? '',
        comparedWithId: '',
        commissionedById: '',
        leadId: ssm.id,
        challengeWindowDays: '10',
        recommendationId: recommendation.id,
        measureId,
      }),
    );
    expect(commissioned).toMatchObject({ ok: true });
    const auditId = commissioned.ok ? commissioned.data.id : '';
    expect(await db().audit.findUniqueOrThrow({ where: { id: auditId } })).toMatchObject({
      status: 'DRAFT',
      kind: 'THEMATIC',
    });
    expect(await db().recommendationAudit.findFirstOrThrow({ where: { auditId } })).toMatchObject({
      recommendationId: recommendation.id,
      measureId,
      commissioned: true,
    });
    const sample = await getCommissionedSample(ssm.actor, auditId);
    expect(sample[0]?.checks[0]).toMatchObject({
      drawn: 0,
      needed: 35,
      message: 'Nothing drawn yet: needs 35 cases.',
    });
    const view = await getRecommendationMeasures(ssm.actor, recommendation.id);
    expect(view.linkedAudits).toEqual([
      expect.objectContaining({ auditId, status: 'DRAFT', commissioned: true, measureLabel: fields().label }),
    ]);

    // A published thematic audit of the same cases joins the measure's series.
    const thematic = await createGradedAudit(
      Array.from({ length: 10 }, (_, index) => ({
        serviceAreaId: place.areaId,
        teamId: place.team,
        lawType: 'PRIVATE_LAW_WAFH' as const,
        grade: index < 7 ? 'good' : 'met',
      })),
      { kind: 'THEMATIC', windowTo: '2015-03-31' },
    );
    const after = await getRecommendationMeasures(ssm.actor, recommendation.id);
    expect(after.measures[0]?.latest).toMatchObject({ auditId: thematic.audit.id, count: 7, total: 10 });
    expect(after.measures[0]?.series.map((point) => point.auditId)).toEqual([
      place.baseline,
      place.later,
      thematic.audit.id,
    ]);
  });

  it('commissions only from an open recommendation, only by the national leads, and only a thematic audit', async () => {
    const closed = await createRecommendation(null, 'CLOSED');
    const open = await createRecommendation(null);
    const nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    const input = (recommendationId: string, kind = 'THEMATIC') => ({
      name: unique('Thematic'),
      kind,
      purpose: 'Test it',
      windowFrom: '2015-01-01',
      windowTo: '2015-03-31',
      thresholdVersionId: '',
      lawTypes: ['PRIVATE_LAW_WAFH'],
      serviceAreaIds: [area],
      goodOrAboveTarget: '',
      lowestTarget: '',
      targetDate: '',
      comparedWithId: '',
      commissionedById: '',
      leadId: '',
      challengeWindowDays: '10',
      recommendationId,
      measureId: '',
    });
    const version = (await db().audit.findUniqueOrThrow({ where: { id: baseline } })).thresholdVersionId;
    expect(
      await nsd.act(() =>
        commissionThematicAuditAction({ ...input(closed.id), thresholdVersionId: version }),
      ),
    ).toMatchObject({ ok: false, error: expect.stringContaining('closed') as unknown });
    expect(
      await nsd.act(() =>
        commissionThematicAuditAction({
          ...input(open.id, 'NATIONAL_PRACTICE_QUALITY'),
          thresholdVersionId: version,
        }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { kind: expect.any(String) as unknown } });
    const hos = await actingAs('HEAD_OF_SERVICE', area);
    const before = await databaseFingerprint();
    expect(
      await hos.act(() => commissionThematicAuditAction({ ...input(open.id), thresholdVersionId: version })),
    ).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('npm run recommendations prints every recommendation with its measures (json and text)', async () => {
    const text = unique('Improve the % Good in Private Law, WAFH');
    const recommendation = await createRecommendation(null, 'OPEN', text);
    const nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    await nsd.act(() => createMeasureAction({ recommendationId: recommendation.id, ...fields() }));
    const run = (format: string) =>
      spawnSync(
        path.resolve('node_modules/.bin/tsx'),
        ['--conditions=react-server', 'scripts/recommendations.ts', '--format', format],
        {
          env: { ...process.env },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
    const json = run('json');
    expect(json.status, json.stderr).toBe(0);
    const printed = JSON.parse(json.stdout) as { recommendations: { text: string; measures: unknown[] }[] };
    const mine = printed.recommendations.find((item) => item.text === text);
    expect(mine).toMatchObject({ number: '13', status: 'open', kind: 'recommendation', dueOn: '2015-05-31' });
    expect(mine?.measures[0]).toEqual({
      label: '% Good, Private Law WAFH',
      filters: expect.stringMatching(/^Private Law WAFH, AREA-/) as unknown,
      grade: 'Overall grade',
      counted: 'Good',
      baseline: expect.stringMatching(/^September 2013/) as unknown,
      series: [
        expect.objectContaining({ cases: 11, counted: 3, percent: 27, isBaseline: true }),
        expect.objectContaining({ cases: 12, counted: 8, percent: 67, isBaseline: false }),
      ],
      change: {
        from: expect.stringMatching(/^September 2013/) as unknown,
        to: expect.stringMatching(/^November 2014/) as unknown,
        points: 40,
        interval95: { low: -0.9, high: 65.6 },
        beyondChance: false,
      },
      target: { direction: 'at least', percent: 60, met: true },
      sentence: expect.stringContaining('27% Good (n = 11)') as unknown,
    });
    const printedText = run('text');
    expect(printedText.status, printedText.stderr).toBe(0);
    expect(printedText.stdout).toContain(`Rec 13 (open): ${text}`);
    expect(printedText.stdout).toContain('up 40 points (95% interval −1 to 66 points); target (≥ 60%) met');
    expect(run('xml').status).toBe(2);
  }, 120_000);
});
