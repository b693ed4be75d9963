import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import { recordAuditEvent } from './audit-events';
import { contentOf } from './case-audits';
import { assertNotBenchmarkingBlind, holdsUnsubmittedBenchmark } from './blind';
import { auditChallengeFigures } from './challenges';
import { getDashboardRules } from './dashboards';
import type { Actor } from '@/lib/domain/actor';
import {
  LAW_TYPES,
  LAW_TYPE_LABELS,
  type AuditKind,
  type AuditStatus,
  type LawType,
} from '@/lib/domain/audits';
import { describeBenchmarking } from '@/lib/domain/benchmarking';
import { describeChallengeFigures } from '@/lib/domain/challenges';
import { seesSmallGroupPercentages, type DashboardRules } from '@/lib/domain/dashboard';
import { NotFoundOrForbiddenError, StaleVersionError } from '@/lib/domain/errors';
import { QA_INDICATORS, QA_INDICATOR_LABELS, type ChildrenSeen } from '@/lib/domain/grading';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import {
  changeInPoints,
  crossTabulate,
  gradeGroups,
  gradeRow,
  reconcile,
  roundedPercent,
  tooFewToCompare,
  totalsRow,
  wilsonInterval,
  type GradeGroup,
  type GradeRow,
  type Interval,
  type Reconciliation,
} from '@/lib/domain/report';
import { EMPLOYMENTS, EMPLOYMENT_LABELS, type Employment } from '@/lib/domain/roles';
import { lowestLevel, type GradeScale, type RubricContent } from '@/lib/domain/rubric';

/** Graded = submitted with a final grade; the report counts nothing else. */
const GRADED = Prisma.sql`ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL`;

export type ReportScope = { serviceAreaId: string | null };

type Counts = Record<string, number>;

export type AreaGradeRow = GradeRow & {
  serviceAreaId: string;
  goodInterval: Interval | null;
  tooFewToCompare: boolean;
  changeInGood: number | null;
};

export type ChildrenSeenRow = {
  key: string;
  label: string;
  cases: number;
  eit: number;
  counted: number;
  seen: number;
  notSeenReasonRecorded: number;
  notSeenNoReason: number;
  unclear: number;
  notApplicable: number;
};

export type SectionShare = { key: string; label: string; graded: number; goodOrAbove: number };
export type SectionAnalysis = {
  key: string;
  title: string;
  overall: SectionShare;
  byArea: SectionShare[];
  byTeam: SectionShare[];
};

export type CrossTab = {
  rowSection: { key: string; title: string };
  columnSection: { key: string; title: string };
  levels: { key: string; label: string }[];
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
};

export type QaFigure = { key: string; label: string; yes: number; answered: number };
export type ThemeSummary = { themeKey: string; label: string; count: number; examples: string[] };
export type TrendPoint = {
  auditId: string;
  name: string;
  windowTo: string;
  total: number;
  goodOrAbove: number;
  lowest: number;
  goodPercent: number | null;
  lowestPercent: number | null;
};

export type Narrative = {
  strengths: string;
  learning: string;
  conclusion: string;
  nextSteps: string;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export type AuditReport = {
  audit: {
    id: string;
    name: string;
    kind: AuditKind;
    status: AuditStatus;
    windowFrom: string;
    windowTo: string;
    goodOrAboveTarget: number | null;
    lowestTarget: number | null;
    targetDate: string | null;
    thresholdVersionLabel: string;
  };
  scope: { serviceAreaId: string | null; label: string };
  scale: GradeScale;
  groups: GradeGroup[];
  lowestLabel: string;
  total: number;
  overall: GradeRow;
  earlier: { id: string; name: string; overall: GradeRow } | null;
  changeInGood: number | null;
  changeInLowest: number | null;
  byLawType: GradeRow[];
  byServiceArea: AreaGradeRow[];
  byEmployment: GradeRow[];
  childrenSeen: { rows: ChildrenSeenRow[]; total: ChildrenSeenRow };
  sections: SectionAnalysis[];
  sectionOptions: { key: string; title: string }[];
  crossTab: CrossTab | null;
  qa: QaFigure[];
  strengths: ThemeSummary[];
  learningPoints: ThemeSummary[];
  challengeSentence: string;
  benchmarkingSentence: string;
  trend: TrendPoint[];
  reconciliation: Reconciliation;
  narrative: Narrative;
  /**
   * Set when small groups' percentages are hidden from the reader (the
   * dashboards' rule, groupShare): every table prints such a group's count and
   * no percentage. Null: every percentage is shown.
   */
  smallGroups: Pick<DashboardRules, 'minGroupSize'> | null;
};

type AuditRow = {
  id: string;
  name: string;
  kind: AuditKind;
  status: AuditStatus;
  windowFrom: Date;
  windowTo: Date;
  goodOrAboveTarget: number | null;
  lowestTarget: number | null;
  targetDate: Date | null;
  comparedWithId: string | null;
  thresholdVersionId: string;
  thresholdVersion: { label: string; document: { name: string } };
};

const day = (value: Date) => value.toISOString().slice(0, 10);

/**
 * Which figures the actor may read: a Head of Service or Assistant Director
 * only their own area's; national roles the nation's or any one area's.
 */
export function authoriseReportScope(actor: Actor, requestedAreaId: string | null): ReportScope {
  if (requestedAreaId === null) {
    if (can(actor, 'report.view', NATIONAL)) return { serviceAreaId: null };
    // An area role asking for "the report" gets its own area's.
    if (actor.serviceAreaId && can(actor, 'report.view', inArea(actor.serviceAreaId)))
      return { serviceAreaId: actor.serviceAreaId };
    throw new NotFoundOrForbiddenError();
  }
  if (!can(actor, 'report.view', inArea(requestedAreaId))) throw new NotFoundOrForbiddenError();
  return { serviceAreaId: requestedAreaId };
}

function areaFilter(scope: ReportScope) {
  return scope.serviceAreaId ? Prisma.sql`AND ca.service_area_id = ${scope.serviceAreaId}` : Prisma.empty;
}

async function loadAudit(auditId: string): Promise<AuditRow | null> {
  return db().audit.findUnique({
    where: { id: auditId },
    select: {
      id: true,
      name: true,
      kind: true,
      status: true,
      windowFrom: true,
      windowTo: true,
      goodOrAboveTarget: true,
      lowestTarget: true,
      targetDate: true,
      comparedWithId: true,
      thresholdVersionId: true,
      thresholdVersion: { select: { label: true, document: { select: { name: true } } } },
    },
  });
}

/** The audit this one is compared with: the one named on it, else the latest earlier published one of its kind. */
async function earlierAuditId(audit: AuditRow): Promise<string | null> {
  if (audit.comparedWithId) return audit.comparedWithId;
  const earlier = await db().audit.findFirst({
    where: {
      kind: audit.kind,
      status: 'PUBLISHED',
      windowTo: { lt: audit.windowFrom },
      id: { not: audit.id },
    },
    orderBy: { windowTo: 'desc' },
    select: { id: true },
  });
  return earlier?.id ?? null;
}

async function gradeCounts(auditId: string, scope: ReportScope) {
  // One pass over the audit's cases for Fig. 1, 2, 3 and 5.
  const rows = await db().$queryRaw<
    {
      by: 'overall' | 'law' | 'area' | 'employment';
      law_type: LawType | null;
      service_area_id: string | null;
      employment: Employment | null;
      overall_grade: string;
      count: bigint;
    }[]
  >`
    SELECT CASE
             WHEN GROUPING(ca.law_type) = 0 THEN 'law'
             WHEN GROUPING(ca.service_area_id) = 0 THEN 'area'
             WHEN GROUPING(ca.employment) = 0 THEN 'employment'
             ELSE 'overall'
           END AS by,
           ca.law_type::text AS law_type, ca.service_area_id, ca.employment::text AS employment,
           ca.overall_grade, count(*) AS count
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    GROUP BY GROUPING SETS ((ca.overall_grade), (ca.law_type, ca.overall_grade),
                            (ca.service_area_id, ca.overall_grade), (ca.employment, ca.overall_grade))`;
  const overall: Counts = {};
  const byLaw = new Map<string, Counts>();
  const byArea = new Map<string, Counts>();
  const byEmployment = new Map<string, Counts>();
  const add = (map: Map<string, Counts>, key: string, grade: string, count: number) => {
    const counts = map.get(key) ?? {};
    counts[grade] = (counts[grade] ?? 0) + count;
    map.set(key, counts);
  };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.by === 'overall') overall[row.overall_grade] = count;
    else if (row.by === 'law') add(byLaw, row.law_type!, row.overall_grade, count);
    else if (row.by === 'area') add(byArea, row.service_area_id!, row.overall_grade, count);
    else add(byEmployment, row.employment!, row.overall_grade, count);
  }
  return { overall, byLaw, byArea, byEmployment };
}

async function childrenSeenCounts(auditId: string, scope: ReportScope) {
  return db().$queryRaw<
    { service_area_id: string; is_eit: boolean; children_seen: string | null; count: bigint }[]
  >`
    SELECT ca.service_area_id, ca.is_eit, ca.children_seen, count(*) AS count
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    GROUP BY ca.service_area_id, ca.is_eit, ca.children_seen`;
}

async function sectionCounts(auditId: string, scope: ReportScope, goodKeys: string[]) {
  return db().$queryRaw<
    {
      by: 'overall' | 'area' | 'team';
      section_key: string;
      group_id: string | null;
      graded: bigint;
      good: bigint;
    }[]
  >`
    SELECT CASE WHEN GROUPING(ca.service_area_id) = 0 THEN 'area'
                WHEN GROUPING(ca.team_id) = 0 THEN 'team' ELSE 'overall' END AS by,
           s.key AS section_key, coalesce(ca.service_area_id, ca.team_id) AS group_id,
           count(*) AS graded,
           count(*) FILTER (WHERE s.value->>'grade' = ANY(${goodKeys})) AS good
    FROM case_audit ca
    CROSS JOIN LATERAL jsonb_each(ca.answers->'sections') s
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
      AND coalesce(s.value->>'grade', '') <> ''
    GROUP BY GROUPING SETS ((s.key), (s.key, ca.service_area_id), (s.key, ca.team_id))`;
}

async function crossTabCounts(auditId: string, scope: ReportScope, rowKey: string, columnKey: string) {
  return db().$queryRaw<{ row: string; column: string; count: bigint }[]>`
    SELECT ca.answers->'sections'->${rowKey}->>'grade' AS row,
           ca.answers->'sections'->${columnKey}->>'grade' AS column,
           count(*) AS count
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    GROUP BY 1, 2`;
}

async function qaCounts(auditId: string, scope: ReportScope) {
  const [row] = await db().$queryRaw<Record<string, bigint>[]>`
    SELECT
      ${Prisma.join(
        QA_INDICATORS.map(
          (key) => Prisma.sql`
            count(*) FILTER (WHERE ca.answers->'qa'->>${key} = 'true') AS ${Prisma.raw(`"${key}_yes"`)},
            count(*) FILTER (WHERE ca.answers->'qa'->>${key} IN ('true', 'false')) AS ${Prisma.raw(`"${key}_answered"`)}`,
        ),
      )}
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}`;
  return QA_INDICATORS.map((key) => ({
    key,
    label: QA_INDICATOR_LABELS[key],
    yes: Number(row?.[`${key}_yes`] ?? 0),
    answered: Number(row?.[`${key}_answered`] ?? 0),
  }));
}

const EXAMPLES_PER_THEME = 3;

async function themeCounts(auditId: string, scope: ReportScope, field: 'strengths' | 'learningPoints') {
  return db().$queryRaw<{ theme_key: string; count: bigint; examples: string[] }[]>`
    WITH notes AS (
      SELECT note->>'themeKey' AS theme_key, btrim(note->>'text') AS text, ca.submitted_at
      FROM case_audit ca
      CROSS JOIN LATERAL jsonb_array_elements(coalesce(ca.answers->${field}, '[]'::jsonb)) note
      WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    ), ranked AS (
      SELECT theme_key, text, row_number() OVER (PARTITION BY theme_key ORDER BY length(text) DESC, text) AS rank
      FROM (SELECT DISTINCT theme_key, text FROM notes WHERE text <> '') distinct_notes
    )
    SELECT n.theme_key, count(*) AS count,
           coalesce((SELECT array_agg(r.text ORDER BY r.rank) FROM ranked r
                     WHERE r.theme_key = n.theme_key AND r.rank <= ${EXAMPLES_PER_THEME}), '{}') AS examples
    FROM notes n
    GROUP BY n.theme_key
    ORDER BY count(*) DESC, n.theme_key`;
}

async function trendCounts(audit: AuditRow, scope: ReportScope) {
  // Earlier published audits of the same kind, and this one.
  return db().$queryRaw<
    {
      audit_id: string;
      name: string;
      window_to: Date;
      threshold_version_id: string;
      overall_grade: string;
      count: bigint;
    }[]
  >`
    WITH audits AS (
      SELECT a.id, a.name, a.window_to, a.threshold_version_id
      FROM audit a
      WHERE a.kind = ${audit.kind}::audit_kind
        AND (a.id = ${audit.id} OR (a.status = 'PUBLISHED' AND a.window_to <= ${audit.windowTo}))
    )
    SELECT au.id AS audit_id, au.name, au.window_to, au.threshold_version_id, counts.overall_grade, counts.count
    FROM audits au
    JOIN (
      SELECT ca.audit_id, ca.overall_grade, count(*) AS count
      FROM case_audit ca
      WHERE ca.audit_id IN (SELECT id FROM audits) AND ${GRADED} ${areaFilter(scope)}
      GROUP BY ca.audit_id, ca.overall_grade
    ) counts ON counts.audit_id = au.id
    ORDER BY au.window_to, au.name`;
}

async function areaLabels(): Promise<Map<string, { code: string; sortOrder: number }>> {
  const areas = await db().serviceArea.findMany({ select: { id: true, code: true, sortOrder: true } });
  return new Map(areas.map((area) => [area.id, { code: area.code, sortOrder: area.sortOrder }]));
}

async function teamLabels(teamIds: string[]): Promise<Map<string, string>> {
  if (teamIds.length === 0) return new Map();
  const teams = await db().team.findMany({
    where: { id: { in: teamIds } },
    select: { id: true, name: true },
  });
  return new Map(teams.map((team) => [team.id, team.name]));
}

async function loadNarrative(auditId: string): Promise<Narrative> {
  const report = await db().auditReport.findUnique({
    where: { auditId },
    select: {
      strengths: true,
      learning: true,
      conclusion: true,
      nextSteps: true,
      version: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  });
  if (!report)
    return {
      strengths: '',
      learning: '',
      conclusion: '',
      nextSteps: '',
      version: 0,
      updatedAt: null,
      updatedBy: null,
    };
  return { ...report, updatedBy: report.updatedBy?.name ?? null };
}

const CHILDREN_SEEN_FIELD: Record<ChildrenSeen, keyof ChildrenSeenRow> = {
  SEEN: 'seen',
  NOT_SEEN_REASON_RECORDED: 'notSeenReasonRecorded',
  NOT_SEEN_NO_REASON: 'notSeenNoReason',
  UNCLEAR: 'unclear',
  NOT_APPLICABLE: 'notApplicable',
};

function emptyChildrenSeenRow(key: string, label: string): ChildrenSeenRow {
  return {
    key,
    label,
    cases: 0,
    eit: 0,
    counted: 0,
    seen: 0,
    notSeenReasonRecorded: 0,
    notSeenNoReason: 0,
    unclear: 0,
    notApplicable: 0,
  };
}

function addChildrenSeen(
  target: ChildrenSeenRow,
  isEit: boolean,
  childrenSeen: string | null,
  count: number,
) {
  target.cases += count;
  if (isEit) {
    target.eit += count;
    return;
  }
  target.counted += count;
  const field = CHILDREN_SEEN_FIELD[childrenSeen as ChildrenSeen];
  // Not recorded at all reads as unclear: the file does not say.
  const key = field ?? 'unclear';
  (target[key] as number) += count;
}

export type ReportOptions = { crossTab?: { rowSection: string; columnSection: string } };

export async function getAuditReport(
  actor: Actor,
  auditId: string,
  requestedAreaId: string | null,
  options: ReportOptions = {},
): Promise<AuditReport> {
  const scope = authoriseReportScope(actor, requestedAreaId);
  const audit = await loadAudit(auditId);
  if (!audit) throw new NotFoundOrForbiddenError();
  await assertNotBenchmarkingBlind(actor, audit.id);
  const earlierId = await earlierAuditId(audit);
  // An earlier audit still hidden from this benchmarker stays out of the comparison too.
  const shownEarlierId = earlierId && !(await holdsUnsubmittedBenchmark(actor, earlierId)) ? earlierId : null;
  const smallGroups = seesSmallGroupPercentages(actor, scope.serviceAreaId)
    ? null
    : { minGroupSize: (await getDashboardRules()).minGroupSize };
  return buildAuditReport(audit, scope, options, shownEarlierId, smallGroups);
}

async function buildAuditReport(
  audit: AuditRow,
  scope: ReportScope,
  options: ReportOptions,
  earlierId: string | null,
  smallGroups: AuditReport['smallGroups'],
): Promise<AuditReport> {
  const content: RubricContent = await contentOf(audit.thresholdVersionId);
  const scale = content.scale;
  const groups = gradeGroups(scale);
  const goodKeys = scale.levels.filter((level) => level.isGoodOrAbove).map((level) => level.key);
  const sectionKeys = content.sections.map((section) => section.key);
  const rowSection = options.crossTab?.rowSection ?? sectionKeys.find((key) => key === 'supervision');
  const columnSection =
    options.crossTab?.columnSection ?? sectionKeys.find((key) => key !== rowSection && key !== undefined);

  const [counts, earlierCounts, seen, sections, crossRows, qa, strengths, learning, trendRows] =
    await Promise.all([
      gradeCounts(audit.id, scope),
      earlierId ? gradeCounts(earlierId, scope) : null,
      childrenSeenCounts(audit.id, scope),
      sectionCounts(audit.id, scope, goodKeys),
      rowSection && columnSection && sectionKeys.includes(rowSection) && sectionKeys.includes(columnSection)
        ? crossTabCounts(audit.id, scope, rowSection, columnSection)
        : null,
      qaCounts(audit.id, scope),
      themeCounts(audit.id, scope, 'strengths'),
      themeCounts(audit.id, scope, 'learningPoints'),
      trendCounts(audit, scope),
    ]);
  const [areas, narrative, challengeFigures, earlierAudit] = await Promise.all([
    areaLabels(),
    loadNarrative(audit.id),
    auditChallengeFigures(audit.id, scope.serviceAreaId),
    earlierId
      ? db().audit.findUnique({
          where: { id: earlierId },
          select: { id: true, name: true, thresholdVersionId: true },
        })
      : null,
  ]);
  const earlierScale = earlierAudit ? (await contentOf(earlierAudit.thresholdVersionId)).scale : null;

  const overall = gradeRow(scale, 'overall', 'All cases', counts.overall);
  const total = overall.total;
  const earlierOverall =
    earlierAudit && earlierCounts && earlierScale
      ? gradeRow(earlierScale, 'earlier', earlierAudit.name, earlierCounts.overall)
      : null;

  const byLawType = LAW_TYPES.map((lawType) =>
    gradeRow(scale, lawType, LAW_TYPE_LABELS[lawType], counts.byLaw.get(lawType) ?? {}),
  );

  const areaOrder = [...counts.byArea.keys()].sort(
    (a, b) => (areas.get(a)?.sortOrder ?? 0) - (areas.get(b)?.sortOrder ?? 0),
  );
  const byServiceArea: AreaGradeRow[] = areaOrder.map((areaId) => {
    const row = gradeRow(
      scale,
      areaId,
      areas.get(areaId)?.code ?? 'Unknown area',
      counts.byArea.get(areaId)!,
    );
    // The earlier audit's areas come from the same single pass as its Fig. 1.
    const earlierArea = earlierCounts?.byArea.get(areaId);
    const earlierRow = earlierArea && earlierScale ? gradeRow(earlierScale, areaId, '', earlierArea) : null;
    return {
      ...row,
      serviceAreaId: areaId,
      goodInterval: wilsonInterval(row.goodOrAbove, row.total),
      tooFewToCompare: tooFewToCompare(row.total),
      changeInGood: earlierRow
        ? changeInPoints(
            { count: row.goodOrAbove, total: row.total },
            { count: earlierRow.goodOrAbove, total: earlierRow.total },
          )
        : null,
    };
  });

  const byEmployment = EMPLOYMENTS.map((employment) =>
    gradeRow(scale, employment, EMPLOYMENT_LABELS[employment], counts.byEmployment.get(employment) ?? {}),
  );

  const seenByArea = new Map<string, ChildrenSeenRow>();
  const seenTotal = emptyChildrenSeenRow('total', 'Overall');
  for (const row of seen) {
    const target =
      seenByArea.get(row.service_area_id) ??
      emptyChildrenSeenRow(row.service_area_id, areas.get(row.service_area_id)?.code ?? 'Unknown area');
    seenByArea.set(row.service_area_id, target);
    addChildrenSeen(target, row.is_eit, row.children_seen, Number(row.count));
    addChildrenSeen(seenTotal, row.is_eit, row.children_seen, Number(row.count));
  }
  const seenRows = areaOrder.map((areaId) => seenByArea.get(areaId)).filter((row) => row !== undefined);

  const teamIds = [
    ...new Set(sections.filter((row) => row.by === 'team' && row.group_id).map((row) => row.group_id!)),
  ];
  const teams = await teamLabels(teamIds);
  const share = (row: (typeof sections)[number], label: string): SectionShare => ({
    key: row.group_id ?? 'none',
    label,
    graded: Number(row.graded),
    goodOrAbove: Number(row.good),
  });
  const sectionAnalysis: SectionAnalysis[] = content.sections.map((section) => {
    const rows = sections.filter((row) => row.section_key === section.key);
    const overallRow = rows.find((row) => row.by === 'overall');
    return {
      key: section.key,
      title: section.title,
      overall: overallRow
        ? share(overallRow, 'All cases')
        : { key: 'all', label: 'All cases', graded: 0, goodOrAbove: 0 },
      byArea: rows
        .filter((row) => row.by === 'area')
        .sort((a, b) => (areas.get(a.group_id!)?.sortOrder ?? 0) - (areas.get(b.group_id!)?.sortOrder ?? 0))
        .map((row) => share(row, areas.get(row.group_id!)?.code ?? 'Unknown area')),
      byTeam: rows
        .filter((row) => row.by === 'team')
        .map((row) =>
          share(row, row.group_id ? (teams.get(row.group_id) ?? 'Unknown team') : 'No team recorded'),
        )
        .sort((a, b) => a.label.localeCompare(b.label)),
    };
  });

  let crossTab: CrossTab | null = null;
  if (crossRows && rowSection && columnSection) {
    const levelKeys = scale.levels.map((level) => level.key);
    const table = crossTabulate(
      levelKeys,
      levelKeys,
      crossRows.map((row) => ({ row: row.row, column: row.column, count: Number(row.count) })),
    );
    const title = (key: string) => content.sections.find((section) => section.key === key)?.title ?? key;
    crossTab = {
      rowSection: { key: rowSection, title: title(rowSection) },
      columnSection: { key: columnSection, title: title(columnSection) },
      levels: scale.levels.map((level) => ({ key: level.key, label: level.label })),
      ...table,
    };
  }

  const themeLabel = (key: string) => content.themes.find((theme) => theme.key === key)?.label ?? 'Other';
  const summarise = (rows: typeof strengths): ThemeSummary[] =>
    rows.map((row) => ({
      themeKey: row.theme_key,
      label: themeLabel(row.theme_key),
      count: Number(row.count),
      examples: row.examples,
    }));

  const trendByAudit = new Map<
    string,
    { name: string; windowTo: Date; thresholdVersionId: string; counts: Counts }
  >();
  for (const row of trendRows) {
    const entry = trendByAudit.get(row.audit_id) ?? {
      name: row.name,
      windowTo: row.window_to,
      thresholdVersionId: row.threshold_version_id,
      counts: {},
    };
    entry.counts[row.overall_grade] = Number(row.count);
    trendByAudit.set(row.audit_id, entry);
  }
  const trend: TrendPoint[] = [];
  for (const [auditId, entry] of trendByAudit) {
    // Published versions' content is cached per process: no query per audit.
    const trendScale = (await contentOf(entry.thresholdVersionId)).scale;
    const good = new Set(trendScale.levels.filter((level) => level.isGoodOrAbove).map((level) => level.key));
    const pointTotal = Object.values(entry.counts).reduce((sum, count) => sum + count, 0);
    const goodOrAbove = Object.entries(entry.counts)
      .filter(([key]) => good.has(key))
      .reduce((sum, [, count]) => sum + count, 0);
    const lowest = trendScale.lowestLevelKey ? (entry.counts[trendScale.lowestLevelKey] ?? 0) : 0;
    trend.push({
      auditId,
      name: entry.name,
      windowTo: day(entry.windowTo),
      total: pointTotal,
      goodOrAbove,
      lowest,
      goodPercent: roundedPercent(goodOrAbove, pointTotal),
      lowestPercent: roundedPercent(lowest, pointTotal),
    });
  }

  const benchmarkRows = await db().$queryRaw<{ name: string; cases: bigint; moderated: bigint }[]>`
    SELECT u.name, count(*) AS cases, count(*) FILTER (WHERE b.status = 'MODERATED') AS moderated
    FROM benchmark b JOIN app_user u ON u.id = b.benchmarker_id
    WHERE b.audit_id = ${audit.id} AND b.status IN ('SUBMITTED', 'MODERATED')
      ${scope.serviceAreaId ? Prisma.sql`AND b.service_area_id = ${scope.serviceAreaId}` : Prisma.empty}
    GROUP BY u.name
    ORDER BY count(*) DESC, u.name`;
  const benchmarked = benchmarkRows.map((row) => ({ name: row.name, cases: Number(row.cases) }));
  const moderated = benchmarkRows.reduce((sum, row) => sum + Number(row.moderated), 0);
  const lowestLabel = lowestLevel(scale)?.label ?? 'lowest-grade';
  const levelLabel = (key: string) => scale.levels.find((level) => level.key === key)?.label ?? key;

  const childrenSeenTotal = seenTotal;
  const reconciliation = reconcile(total, [
    { table: 'Fig. 2 (law type)', total: totalsRow(scale, byLawTypeCounts(counts.byLaw)).total },
    { table: 'Fig. 3 (service area)', total: byServiceArea.reduce((sum, row) => sum + row.total, 0) },
    { table: 'Fig. 4 (children seen, with EIT cases)', total: childrenSeenTotal.cases },
    { table: 'Fig. 5 (employment)', total: byEmployment.reduce((sum, row) => sum + row.total, 0) },
  ]);

  return {
    audit: {
      id: audit.id,
      name: audit.name,
      kind: audit.kind,
      status: audit.status,
      windowFrom: day(audit.windowFrom),
      windowTo: day(audit.windowTo),
      goodOrAboveTarget: audit.goodOrAboveTarget,
      lowestTarget: audit.lowestTarget,
      targetDate: audit.targetDate ? day(audit.targetDate) : null,
      thresholdVersionLabel: `${audit.thresholdVersion.document.name} (${audit.thresholdVersion.label})`,
    },
    scope: {
      serviceAreaId: scope.serviceAreaId,
      label: scope.serviceAreaId ? (areas.get(scope.serviceAreaId)?.code ?? 'Unknown area') : 'National',
    },
    scale,
    groups,
    lowestLabel,
    total,
    overall,
    earlier:
      earlierAudit && earlierOverall
        ? { id: earlierAudit.id, name: earlierAudit.name, overall: earlierOverall }
        : null,
    changeInGood: earlierOverall
      ? changeInPoints(
          { count: overall.goodOrAbove, total },
          { count: earlierOverall.goodOrAbove, total: earlierOverall.total },
        )
      : null,
    changeInLowest: earlierOverall
      ? changeInPoints(
          { count: overall.lowest, total },
          { count: earlierOverall.lowest, total: earlierOverall.total },
        )
      : null,
    byLawType,
    byServiceArea,
    byEmployment,
    childrenSeen: { rows: seenRows, total: childrenSeenTotal },
    sections: sectionAnalysis,
    sectionOptions: content.sections.map((section) => ({ key: section.key, title: section.title })),
    crossTab,
    qa,
    strengths: summarise(strengths),
    learningPoints: summarise(learning),
    challengeSentence: describeChallengeFigures(challengeFigures.overall, levelLabel, lowestLabel),
    benchmarkingSentence: describeBenchmarking(benchmarked, moderated),
    trend,
    reconciliation,
    narrative,
    smallGroups,
  };
}

function byLawTypeCounts(byLaw: Map<string, Counts>): { counts: Counts }[] {
  return [...byLaw.values()].map((counts) => ({ counts }));
}

export async function getAuditForReport(auditId: string): Promise<{ id: string; name: string } | null> {
  return db().audit.findUnique({ where: { id: auditId }, select: { id: true, name: true } });
}

/** For the CLI and benchmarks: the report of an audit found by name, national scope. */
export async function getNationalReportByName(name: string): Promise<AuditReport | null> {
  const found = await db().audit.findUnique({ where: { name }, select: { id: true } });
  if (!found) return null;
  const audit = await loadAudit(found.id);
  if (!audit) return null;
  return buildAuditReport(audit, { serviceAreaId: null }, {}, await earlierAuditId(audit), null);
}

export async function findReportableAudits(): Promise<
  { id: string; name: string; status: AuditStatus; windowTo: string; graded: number }[]
> {
  const rows = await db().$queryRaw<
    { id: string; name: string; status: AuditStatus; window_to: Date; graded: bigint }[]
  >`
    SELECT a.id, a.name, a.status::text AS status, a.window_to,
           (SELECT count(*) FROM case_audit ca WHERE ca.audit_id = a.id AND ${GRADED}) AS graded
    FROM audit a
    ORDER BY a.window_to DESC, a.name`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    windowTo: day(row.window_to),
    graded: Number(row.graded),
  }));
}

export async function saveNarrative(
  actor: Actor,
  input: {
    auditId: string;
    baseVersion: number;
    strengths: string;
    learning: string;
    conclusion: string;
    nextSteps: string;
  },
  now: Date,
): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const fields = {
      strengths: input.strengths,
      learning: input.learning,
      conclusion: input.conclusion,
      nextSteps: input.nextSteps,
    };
    let version: number;
    if (input.baseVersion === 0) {
      const created = await tx.$executeRaw`
        INSERT INTO audit_report (audit_id, strengths, learning, conclusion, next_steps, version, updated_at, updated_by_id)
        VALUES (${input.auditId}, ${fields.strengths}, ${fields.learning}, ${fields.conclusion}, ${fields.nextSteps}, 1, ${now}, ${actor.userId})
        ON CONFLICT (audit_id) DO NOTHING`;
      if (created !== 1) throw new StaleVersionError('report narrative');
      version = 1;
    } else {
      const { count } = await tx.auditReport.updateMany({
        where: { auditId: input.auditId, version: input.baseVersion },
        data: { ...fields, version: { increment: 1 }, updatedAt: now, updatedById: actor.userId },
      });
      if (count !== 1) throw new StaleVersionError('report narrative');
      version = input.baseVersion + 1;
    }
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'report.narrative.saved',
      entityType: 'audit',
      entityId: input.auditId,
      detail: { version, ...fields },
    });
    return { version };
  });
}
