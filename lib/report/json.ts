// The report as the `report --format json` command prints it: keys are the
// data's own labels (level, law type, area code), so the JSON reads without
// a key to the codes.
import type { AuditReport, ChildrenSeenRow } from '@/lib/domain/report-view';
import { roundedPercent, type GradeRow } from '@/lib/domain/report';
import { hiddenGroups, isHidden } from './tables';

/** Null where the reader gets the small-group rule and the group is hidden, as in the tables. */
type ByLabel = Record<string, number | null>;

function byLevelLabel(report: AuditReport, row: GradeRow, hidden: boolean): ByLabel {
  return Object.fromEntries(
    report.scale.levels.map((level) => [level.label, hidden ? null : (row.counts[level.key] ?? 0)]),
  );
}

function childrenSeen(row: ChildrenSeenRow, hidden: boolean): ByLabel {
  const shown = (count: number) => (hidden ? null : count);
  return {
    Seen: shown(row.seen),
    'Not seen - reason recorded': shown(row.notSeenReasonRecorded),
    'Not seen - no reason recorded': shown(row.notSeenNoReason),
    Unclear: shown(row.unclear),
  };
}

export function reportJson(report: AuditReport) {
  // The small-group rule holds here as in the tables: a hidden group keeps only its number of cases.
  const percentHidden = isHidden(report, report.total);
  const changeHidden =
    percentHidden || (report.earlier !== null && isHidden(report, report.earlier.overall.total));
  const rows = (list: GradeRow[]) => {
    const hidden = hiddenGroups(
      report,
      list.map((row) => row.total),
    );
    return Object.fromEntries(
      list
        .map((row, index) => [row, hidden.has(index)] as const)
        .filter(([row]) => row.total > 0)
        .map(([row, isRowHidden]) => [row.label, byLevelLabel(report, row, isRowHidden)]),
    );
  };
  const seenHidden = hiddenGroups(
    report,
    report.childrenSeen.rows.map((row) => row.counted),
  );
  return {
    audit: report.audit.name,
    total: report.total,
    overall: byLevelLabel(report, report.overall, percentHidden),
    byLawType: rows(report.byLawType),
    byServiceArea: rows(report.byServiceArea),
    byEmployment: rows(report.byEmployment),
    childrenSeen: Object.fromEntries(
      report.childrenSeen.rows.map((row, index) => [row.label, childrenSeen(row, seenHidden.has(index))]),
    ),
    // Further figures, beyond the agreed shape.
    percentages: {
      goodOrAbove: percentHidden ? null : roundedPercent(report.overall.goodOrAbove, report.total),
      lowest: percentHidden ? null : roundedPercent(report.overall.lowest, report.total),
    },
    targets: { goodOrAbove: report.audit.goodOrAboveTarget, lowest: report.audit.lowestTarget },
    comparedWith: report.earlier
      ? {
          audit: report.earlier.name,
          changeInGoodPoints: changeHidden ? null : report.changeInGood,
          changeInLowestPoints: changeHidden ? null : report.changeInLowest,
        }
      : null,
    qualityAssurance: Object.fromEntries(
      report.qa.map((figure) => [
        figure.label,
        { yes: isHidden(report, figure.answered) ? null : figure.yes, answered: figure.answered },
      ]),
    ),
    trend: report.trend.map((point) => ({
      audit: point.name,
      total: point.total,
      goodOrAbove: isHidden(report, point.total) ? null : point.goodOrAbove,
      lowest: isHidden(report, point.total) ? null : point.lowest,
    })),
    reconciles: report.reconciliation.agrees,
  };
}
