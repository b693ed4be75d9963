// An audit report (Fig. 1–5, sections, QA, themes, trend, reconciliation)
// built from its counts. Pure: the same counts always give the same report,
// whether the database counted them or a test wrote them down.
import { LAW_TYPES, LAW_TYPE_LABELS } from './audits';
import { describeBenchmarking } from './benchmarking';
import { describeChallengeFigures } from './challenges';
import { QA_INDICATOR_LABELS, type ChildrenSeen } from './grading';
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
} from './report';
import type { ReportCounts, SectionCount, ThemeCount, TrendCount } from './report-counts';
import type {
  AreaGradeRow,
  AuditReport,
  ChildrenSeenRow,
  CrossTab,
  SectionAnalysis,
  SectionShare,
  ThemeSummary,
  TrendPoint,
} from './report-view';
import { EMPLOYMENTS, EMPLOYMENT_LABELS } from './roles';
import { lowestLevel } from './rubric';

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

function trendPoint(entry: TrendCount): TrendPoint {
  const good = new Set(entry.scale.levels.filter((level) => level.isGoodOrAbove).map((level) => level.key));
  const total = Object.values(entry.counts).reduce((sum, count) => sum + count, 0);
  const goodOrAbove = Object.entries(entry.counts)
    .filter(([key]) => good.has(key))
    .reduce((sum, [, count]) => sum + count, 0);
  const lowest = entry.scale.lowestLevelKey ? (entry.counts[entry.scale.lowestLevelKey] ?? 0) : 0;
  return {
    auditId: entry.auditId,
    name: entry.name,
    windowTo: entry.windowTo,
    total,
    goodOrAbove,
    lowest,
    goodPercent: roundedPercent(goodOrAbove, total),
    lowestPercent: roundedPercent(lowest, total),
  };
}

export function buildAuditReport(counts: ReportCounts): AuditReport {
  const { audit, scope, rubric, grades, earlier } = counts;
  const scale = rubric.scale;
  const areaCode = (areaId: string) => counts.areas[areaId]?.code ?? 'Unknown area';
  const areaSortOrder = (areaId: string) => counts.areas[areaId]?.sortOrder ?? 0;

  const overall = gradeRow(scale, 'overall', 'All cases', grades.overall);
  const total = overall.total;
  const earlierOverall = earlier ? gradeRow(earlier.scale, 'earlier', earlier.name, earlier.overall) : null;

  const byLawType = LAW_TYPES.map((lawType) =>
    gradeRow(scale, lawType, LAW_TYPE_LABELS[lawType], grades.byLawType[lawType] ?? {}),
  );

  const areaOrder = Object.keys(grades.byServiceArea).sort((a, b) => areaSortOrder(a) - areaSortOrder(b));
  const byServiceArea: AreaGradeRow[] = areaOrder.map((areaId) => {
    const row = gradeRow(scale, areaId, areaCode(areaId), grades.byServiceArea[areaId]!);
    // The earlier audit's areas come from the same counts as its Fig. 1.
    const earlierArea = earlier?.byServiceArea[areaId];
    const earlierRow = earlierArea && earlier ? gradeRow(earlier.scale, areaId, '', earlierArea) : null;
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
    gradeRow(scale, employment, EMPLOYMENT_LABELS[employment], grades.byEmployment[employment] ?? {}),
  );

  const seenByArea = new Map<string, ChildrenSeenRow>();
  const seenTotal = emptyChildrenSeenRow('total', 'Overall');
  for (const row of counts.childrenSeen) {
    const target =
      seenByArea.get(row.serviceAreaId) ??
      emptyChildrenSeenRow(row.serviceAreaId, areaCode(row.serviceAreaId));
    seenByArea.set(row.serviceAreaId, target);
    addChildrenSeen(target, row.isEit, row.childrenSeen, row.cases);
    addChildrenSeen(seenTotal, row.isEit, row.childrenSeen, row.cases);
  }
  const seenRows = areaOrder.map((areaId) => seenByArea.get(areaId)).filter((row) => row !== undefined);

  const share = (row: SectionCount, label: string): SectionShare => ({
    key: row.groupId ?? 'none',
    label,
    graded: row.graded,
    goodOrAbove: row.goodOrAbove,
  });
  const sections: SectionAnalysis[] = rubric.sections.map((section) => {
    const rows = counts.sections.filter((row) => row.sectionKey === section.key);
    const overallRow = rows.find((row) => row.by === 'overall');
    return {
      key: section.key,
      title: section.title,
      overall: overallRow
        ? share(overallRow, 'All cases')
        : { key: 'all', label: 'All cases', graded: 0, goodOrAbove: 0 },
      byArea: rows
        .filter((row) => row.by === 'area')
        .sort((a, b) => areaSortOrder(a.groupId!) - areaSortOrder(b.groupId!))
        .map((row) => share(row, areaCode(row.groupId!))),
      byTeam: rows
        .filter((row) => row.by === 'team')
        .map((row) =>
          share(row, row.groupId ? (counts.teams[row.groupId] ?? 'Unknown team') : 'No team recorded'),
        )
        .sort((a, b) => a.label.localeCompare(b.label)),
    };
  });

  let crossTab: CrossTab | null = null;
  if (counts.crossTab) {
    const { rowSection, columnSection, cells } = counts.crossTab;
    const levelKeys = scale.levels.map((level) => level.key);
    const table = crossTabulate(
      levelKeys,
      levelKeys,
      cells.map((cell) => ({ row: cell.row as string, column: cell.column as string, count: cell.count })),
    );
    const title = (key: string) => rubric.sections.find((section) => section.key === key)?.title ?? key;
    crossTab = {
      rowSection: { key: rowSection, title: title(rowSection) },
      columnSection: { key: columnSection, title: title(columnSection) },
      levels: scale.levels.map((level) => ({ key: level.key, label: level.label })),
      ...table,
    };
  }

  const themeLabel = (key: string) => rubric.themes.find((theme) => theme.key === key)?.label ?? 'Other';
  const summarise = (rows: ThemeCount[]): ThemeSummary[] =>
    rows.map((row) => ({
      themeKey: row.themeKey,
      label: themeLabel(row.themeKey),
      count: row.count,
      examples: row.examples,
    }));

  const benchmarked = counts.benchmarking.map((row) => ({ name: row.name, cases: row.cases }));
  const moderated = counts.benchmarking.reduce((sum, row) => sum + row.moderated, 0);
  const lowestLabel = lowestLevel(scale)?.label ?? 'lowest-grade';
  const levelLabel = (key: string) => scale.levels.find((level) => level.key === key)?.label ?? key;

  const reconciliation = reconcile(total, [
    {
      table: 'Fig. 2 (law type)',
      total: totalsRow(
        scale,
        Object.values(grades.byLawType).map((lawCounts) => ({ counts: lawCounts })),
      ).total,
    },
    { table: 'Fig. 3 (service area)', total: byServiceArea.reduce((sum, row) => sum + row.total, 0) },
    { table: 'Fig. 4 (children seen, with EIT cases)', total: seenTotal.cases },
    { table: 'Fig. 5 (employment)', total: byEmployment.reduce((sum, row) => sum + row.total, 0) },
  ]);

  return {
    audit,
    scope: {
      serviceAreaId: scope.serviceAreaId,
      label: scope.serviceAreaId ? areaCode(scope.serviceAreaId) : 'National',
    },
    scale,
    groups: gradeGroups(scale),
    lowestLabel,
    total,
    overall,
    earlier:
      earlier && earlierOverall ? { id: earlier.id, name: earlier.name, overall: earlierOverall } : null,
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
    childrenSeen: { rows: seenRows, total: seenTotal },
    sections,
    sectionOptions: rubric.sections.map((section) => ({ key: section.key, title: section.title })),
    crossTab,
    qa: counts.qa.map((row) => ({
      key: row.key,
      label: QA_INDICATOR_LABELS[row.key],
      yes: row.yes,
      answered: row.answered,
    })),
    strengths: summarise(counts.strengths),
    learningPoints: summarise(counts.learningPoints),
    challengeSentence: describeChallengeFigures(counts.challenges, levelLabel, lowestLabel),
    benchmarkingSentence: describeBenchmarking(benchmarked, moderated),
    trend: counts.trend.map(trendPoint),
    reconciliation,
    narrative: counts.narrative,
    smallGroups: counts.smallGroups,
  };
}
