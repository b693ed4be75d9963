import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { QaOverviewSummary } from '@/components/qa-overview/qa-overview-summary';
import { QaOverviewTools } from '@/components/qa-overview/qa-overview-tools';
import { QaOverviewTrend } from '@/components/qa-overview/qa-overview-trend';
import { ReportFigure } from '@/components/reports/report-figure';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { qaOverviewPeriodText, type QaOverview } from '@/lib/domain/qa-overview';
import {
  auditsByKindTable,
  byAreaTable,
  byQuarterTable,
  indicatorsTable,
} from '@/lib/report/qa-overview-tables';
import { qaOverviewHref, QaOverviewQuerySchema, type QaOverviewTableId } from '@/lib/schemas/qa-overview';
import { getQaOverview } from '@/lib/use-cases/qa-overview/get-qa-overview';

export const metadata: Metadata = { title: 'QA overview' };
export const dynamic = 'force-dynamic';

export default async function QaOverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const query = QaOverviewQuerySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  let overview: QaOverview;
  try {
    overview = await getQaOverview(actor, query.data, isoDay(new Date()));
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  const national = can(actor, 'qaOverview.view', NATIONAL);
  const shown = { ...overview.period, areaId: national ? overview.scope.serviceAreaId : null };
  const csv = (table: QaOverviewTableId) => qaOverviewHref(shown, { format: 'csv', table });
  const { total } = overview;
  const empty = total.totalAudits === 0 && total.observations === 0 && total.moderations === 0;

  return (
    <article className="space-y-10">
      <header className="space-y-2">
        <h1>QA overview</h1>
        <p className="text-slate-700">
          {overview.scope.serviceAreaId === null
            ? 'National figures'
            : `Service area ${overview.scope.label}`}{' '}
          · {qaOverviewPeriodText(overview.period)} · audits counted when submitted, observations when made,
          moderations when the Head of Practice submitted them.
        </p>
      </header>
      <QaOverviewTools
        period={overview.period}
        areas={national ? await findServiceAreaOptions() : null}
        selectedAreaId={overview.scope.serviceAreaId}
        xlsxHref={qaOverviewHref(shown, { format: 'xlsx' })}
        pdfHref={qaOverviewHref(shown, { format: 'pdf' })}
      />
      {empty ? (
        <p className="card">
          No audits, practice observations or moderations in this period. Choose another period above.
        </p>
      ) : (
        <>
          <QaOverviewSummary overview={overview} />
          <ReportFigure
            id="indicators"
            title="Indicators against their targets"
            table={indicatorsTable(overview)}
            csvHref={csv('indicators')}
          />
          <ReportFigure
            id="audits-by-kind"
            title="Audits by kind"
            table={auditsByKindTable(overview)}
            csvHref={csv('audits-by-kind')}
          />
          <ReportFigure
            id="by-quarter"
            title="Trend by quarter"
            intro={<p>Each indicator quarter by quarter; the table under the chart has every figure.</p>}
            chart={<QaOverviewTrend overview={overview} />}
            table={byQuarterTable(overview)}
            csvHref={csv('by-quarter')}
          />
          <ReportFigure
            id="by-area"
            title="By service area"
            table={byAreaTable(overview)}
            csvHref={csv('by-area')}
          />
        </>
      )}
    </article>
  );
}
