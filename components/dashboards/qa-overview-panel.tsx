import Link from 'next/link';
import { ReportTableView } from '@/components/reports/report-table';
import { qaOverviewPeriodText, qaOverviewSentences, type QaOverview } from '@/lib/domain/qa-overview';
import { indicatorsTable } from '@/lib/report/qa-overview-tables';
import { qaOverviewHref } from '@/lib/schemas/qa-overview';

/** Seed 003's QA overview in brief on the national dashboard, leading to the full page for the same period. */
export async function QaOverviewPanel({ figures }: { figures: Promise<QaOverview> }) {
  const overview = await figures;
  const href = qaOverviewHref({ ...overview.period, areaId: null });
  if (overview.total.totalAudits === 0)
    return (
      <p className="card">
        No local, national or performance board audits submitted from {qaOverviewPeriodText(overview.period)}.{' '}
        <Link href={href}>Open the QA overview</Link>
      </p>
    );
  const [audits] = qaOverviewSentences(overview);
  const { observations, moderations } = overview.total;
  return (
    <>
      <p>{audits}</p>
      <p>
        {observations.toLocaleString('en-GB')} practice observations and {moderations.toLocaleString('en-GB')}{' '}
        moderations by Heads of Practice.
      </p>
      <ReportTableView table={indicatorsTable(overview)} />
      <p>
        <Link href={href}>Open the QA overview for {qaOverviewPeriodText(overview.period)}</Link>
      </p>
    </>
  );
}
