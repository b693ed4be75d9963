import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GradeFigures } from '@/components/reports/grade-figures';
import { ReportFigure } from '@/components/reports/report-figure';
import { ReportHeader, ReportTools } from '@/components/reports/report-header';
import { ReportNarrative } from '@/components/reports/report-narrative';
import { KeyThemes, ReportTrend, SectionAnalysis } from '@/components/reports/report-sections';
import { WithheldWhileBenchmarking } from '@/components/reports/withheld-while-benchmarking';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import type { AuditReport } from '@/lib/domain/report-view';
import { getAuditReport } from '@/lib/use-cases/reports/get-audit-report';
import { NotFoundOrForbiddenError, WithheldWhileBenchmarkingError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { qaTable, type ReportTable } from '@/lib/report/tables';
import { isUuid } from '@/lib/schemas/fields';
import { ReportQuerySchema, reportExportHref, type ReportFormat } from '@/lib/schemas/reports';

export const metadata: Metadata = { title: 'Audit report' };
export const dynamic = 'force-dynamic';

export default async function AuditReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ auditId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { auditId } = await params;
  const query = ReportQuerySchema.safeParse(await searchParams);
  if (!isUuid(auditId) || !query.success) notFound();
  let report: AuditReport;
  try {
    report = await getAuditReport(actor, auditId, query.data.areaId, { crossTab: query.data.crossTab });
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    if (error instanceof WithheldWhileBenchmarkingError)
      return (
        <article className="space-y-6">
          <p>
            <Link href={`/audits/${auditId}`}>Back to the audit</Link>
          </p>
          <WithheldWhileBenchmarking headingLevel={1} />
        </article>
      );
    throw error;
  }
  const national = can(actor, 'report.view', NATIONAL);
  // Downloads carry what is on screen: the chosen area (for a national reader) and the sections compared.
  const shown = {
    areaId: national ? report.scope.serviceAreaId : null,
    crossTab: report.crossTab
      ? { rowSection: report.crossTab.rowSection.key, columnSection: report.crossTab.columnSection.key }
      : undefined,
  };
  const href = (format: ReportFormat) => reportExportHref(auditId, { ...shown, format });
  const csv = (table: ReportTable) => reportExportHref(auditId, { ...shown, format: 'csv', table: table.id });
  const qa = qaTable(report);

  return (
    <article className="report space-y-10">
      <p className="print:hidden">
        <Link href="/reports">Back to reports</Link>
      </p>
      <ReportHeader report={report} />
      <ReportTools
        areas={national ? await findServiceAreaOptions() : null}
        selectedAreaId={report.scope.serviceAreaId}
        xlsxHref={href('xlsx')}
        pdfHref={href('pdf')}
      />
      {report.total === 0 ? (
        <p className="card">
          No graded cases yet{report.scope.label === 'National' ? '' : ` in ${report.scope.label}`}: the
          figures appear here as cases are submitted.
        </p>
      ) : (
        <>
          <GradeFigures report={report} csvHref={csv} />
          <SectionAnalysis report={report} areaId={shown.areaId} csvHref={csv} />
          <ReportFigure id="qa" title="Quality assurance indicators" table={qa} csvHref={csv(qa)} />
          <ReportFigure id="challenges" title="Benchmarking and challenges">
            <p>{report.benchmarkingSentence}</p>
            <p>{report.challengeSentence}</p>
          </ReportFigure>
          <KeyThemes report={report} csvHref={csv} />
        </>
      )}
      <ReportTrend report={report} csvHref={csv} />
      <ReportNarrative
        auditId={auditId}
        narrative={report.narrative}
        canWrite={can(actor, 'report.write', NATIONAL)}
      />
    </article>
  );
}
