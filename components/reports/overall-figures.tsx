import type { AuditReport } from '@/lib/domain/report-view';
import { formatDate } from '@/lib/domain/dates';
import { againstTarget, describeShare, formatChange } from '@/lib/domain/report';
import { isHidden } from '@/lib/report/tables';

/** The label of the scale's "good or above" group, as the report names it. */
export function goodLabelOf(report: AuditReport): string {
  return report.groups.find((group) => group.isGoodOrAbove)?.label ?? 'Good';
}

/** Fig. 1 in words: how the cases were graded, the change since the last audit, and the targets. */
export function OverallFigures({ report }: { report: AuditReport }) {
  const goodGroup = report.groups.find((group) => group.isGoodOrAbove);
  const goodLabel = goodLabelOf(report);
  const headlineHidden = isHidden(report, report.total);
  const percentOf = (key: string | undefined) =>
    headlineHidden ? null : (report.overall.cells.find((cell) => cell.key === key)?.percent ?? null);
  const goodPercent = percentOf(goodGroup?.key);
  const lowestPercent = percentOf(report.scale.lowestLevelKey ?? undefined);
  const changeHidden =
    headlineHidden || (report.earlier !== null && isHidden(report, report.earlier.overall.total));
  const goodStanding = againstTarget(goodPercent, report.audit.goodOrAboveTarget, 'at-least');
  const lowestStanding = againstTarget(lowestPercent, report.audit.lowestTarget, 'at-most');
  return (
    <>
      {headlineHidden ? (
        <p>
          {report.total.toLocaleString('en-GB')} case{report.total === 1 ? ' was' : 's were'} graded: too few
          to show how, as the note above says.
        </p>
      ) : (
        <p>
          {report.total.toLocaleString('en-GB')} cases were graded:{' '}
          {report.overall.cells.map((cell, index) => (
            <span key={cell.key}>
              {index > 0 ? (index === report.overall.cells.length - 1 ? ' and ' : ', ') : ''}
              {describeShare(cell.count, report.total)} {cell.label}
            </span>
          ))}
          .
          {report.earlier && report.changeInGood !== null && !changeHidden && (
            <>
              {' '}
              Since {report.earlier.name}, {goodLabel} is {formatChange(report.changeInGood)} and{' '}
              {report.lowestLabel} {formatChange(report.changeInLowest)}.
            </>
          )}
        </p>
      )}
      {(goodStanding || lowestStanding) && (
        <ul className="list-disc pl-5">
          {goodStanding && (
            <li>
              Target of {report.audit.goodOrAboveTarget}% {goodLabel}
              {report.audit.targetDate ? ` by ${formatDate(report.audit.targetDate)}` : ''}:{' '}
              <strong>{goodStanding === 'met' ? 'met' : 'not yet met'}</strong> ({goodPercent}%).
            </li>
          )}
          {lowestStanding && (
            <li>
              Target of no more than {report.audit.lowestTarget}% {report.lowestLabel}:{' '}
              <strong>{lowestStanding === 'met' ? 'met' : 'not yet met'}</strong> ({lowestPercent}%).
            </li>
          )}
        </ul>
      )}
    </>
  );
}
