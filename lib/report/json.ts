// The report as the `report --format json` command prints it: keys are the
// data's own labels (level, law type, area code), so the JSON reads without
// a key to the codes.
import type { AuditReport, ChildrenSeenRow } from '@/lib/db/reports';
import { roundedPercent, type GradeRow } from '@/lib/domain/report';

type ByLabel = Record<string, number>;

function byLevelLabel(report: AuditReport, row: GradeRow): ByLabel {
  return Object.fromEntries(report.scale.levels.map((level) => [level.label, row.counts[level.key] ?? 0]));
}

function childrenSeen(row: ChildrenSeenRow): ByLabel {
  return {
    Seen: row.seen,
    'Not seen - reason recorded': row.notSeenReasonRecorded,
    'Not seen - no reason recorded': row.notSeenNoReason,
    Unclear: row.unclear,
  };
}

export function reportJson(report: AuditReport) {
  const rows = (list: GradeRow[]) =>
    Object.fromEntries(
      list.filter((row) => row.total > 0).map((row) => [row.label, byLevelLabel(report, row)]),
    );
  return {
    audit: report.audit.name,
    total: report.total,
    overall: byLevelLabel(report, report.overall),
    byLawType: rows(report.byLawType),
    byServiceArea: rows(report.byServiceArea),
    byEmployment: rows(report.byEmployment),
    childrenSeen: Object.fromEntries(report.childrenSeen.rows.map((row) => [row.label, childrenSeen(row)])),
    // Further figures, beyond the agreed shape.
    percentages: {
      goodOrAbove: roundedPercent(report.overall.goodOrAbove, report.total),
      lowest: roundedPercent(report.overall.lowest, report.total),
    },
    targets: { goodOrAbove: report.audit.goodOrAboveTarget, lowest: report.audit.lowestTarget },
    comparedWith: report.earlier
      ? {
          audit: report.earlier.name,
          changeInGoodPoints: report.changeInGood,
          changeInLowestPoints: report.changeInLowest,
        }
      : null,
    qualityAssurance: Object.fromEntries(
      report.qa.map((figure) => [figure.label, { yes: figure.yes, answered: figure.answered }]),
    ),
    trend: report.trend.map((point) => ({
      audit: point.name,
      total: point.total,
      goodOrAbove: point.goodOrAbove,
      lowest: point.lowest,
    })),
    reconciles: report.reconciliation.agrees,
  };
}
