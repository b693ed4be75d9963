import { beforeAll, describe, expect, it } from 'vitest';
import { createGradedAudit, createServiceArea, createTeam, type GradedCaseSpec } from '../factories';
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
