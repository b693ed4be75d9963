import { ReportTableView } from '@/components/reports/report-table';
import { funnelMethodSentence, type TeamFunnel } from '@/lib/domain/improvement-plan';
import { funnelTable } from '@/lib/report/improvement-tables';
import { FunnelChart } from './funnel-chart';

const percent = (share: number) => Math.round(share * 1000) / 10;

/**
 * One funnel plot with what it shows in words first (the outlier teams, or
 * that every team is within the limits), then the chart and its table.
 */
export function FunnelFigure({
  funnel,
  id,
  title,
  headingLevel = 3,
}: {
  funnel: TeamFunnel;
  id: string;
  title: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  const table = funnelTable(funnel, id, title);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <Heading id={`${id}-title`}>{title}</Heading>
      {funnel.p0 === null ? (
        <p>No graded cases to compare.</p>
      ) : (
        <>
          {funnel.outlierSentences.length > 0 ? (
            <div>
              <p>Outlier teams:</p>
              <ul className="list-disc pl-6">
                {funnel.outlierSentences.map((sentence) => (
                  <li key={sentence}>{sentence}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>Every team is within the 95% limits.</p>
          )}
          <p className="text-sm text-slate-700">{funnelMethodSentence(funnel)}</p>
          <FunnelChart
            centre={percent(funnel.p0)}
            shareLabel={funnel.shareLabel}
            lines={funnel.lines.map((line) => ({
              n: line.n,
              lower95: percent(line.lower95),
              upper95: percent(line.upper95),
              lower998: percent(line.lower998),
              upper998: percent(line.upper998),
            }))}
            points={funnel.points.map((point) => ({
              n: point.n,
              percent: percent(point.count / point.n),
              label: point.label,
              isOutlier: point.standing !== 'within',
            }))}
          />
          <ReportTableView table={table} />
        </>
      )}
    </section>
  );
}
