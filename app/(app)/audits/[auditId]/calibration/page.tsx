import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReportTableView } from '@/components/reports/report-table';
import { WithheldWhileBenchmarking } from '@/components/reports/withheld-while-benchmarking';
import { requireActor } from '@/lib/auth/actor';
import { WithheldWhileBenchmarkingError } from '@/lib/domain/errors';
import { calibrationTables } from '@/lib/report/calibration-tables';
import { isUuid } from '@/lib/schemas/fields';
import { getCalibration } from '@/lib/use-cases/benchmarks/get-calibration';

export const metadata: Metadata = { title: 'Calibration report' };
export const dynamic = 'force-dynamic';

export default async function CalibrationPage({ params }: { params: Promise<{ auditId: string }> }) {
  const actor = await requireActor();
  const { auditId } = await params;
  if (!isUuid(auditId)) notFound();
  const found = await getCalibration(actor, auditId).catch((error: unknown) =>
    error instanceof WithheldWhileBenchmarkingError ? null : notFound(),
  );
  if (!found)
    return (
      <div className="space-y-8">
        <p>
          <Link href={`/audits/${auditId}/benchmarks`}>Back to benchmarking</Link>
        </p>
        <h1>Calibration report</h1>
        <WithheldWhileBenchmarking />
      </div>
    );
  const { auditName, content, calibration, acrossAudits } = found;
  if (calibration.pairs === 0)
    return (
      <div className="space-y-8">
        <p>
          <Link href={`/audits/${auditId}/benchmarks`}>Back to benchmarking</Link>
        </p>
        <h1>Calibration report: {auditName}</h1>
        <section className="card space-y-2" aria-labelledby="no-pairs-title">
          <h2 id="no-pairs-title">No benchmarked cases yet</h2>
          <p>
            Agreement is measured on cases graded twice: once by their auditor and once, blind, by a
            benchmarker. None of this audit’s cases has both gradings yet.
          </p>
          <p>
            <Link href={`/audits/${auditId}/benchmarks`}>Choose the benchmark sample</Link>, or wait for the
            benchmarkers to submit their gradings.
          </p>
        </section>
      </div>
    );
  const levels = content.scale.levels.map((level) => ({ key: level.key, label: level.label }));
  const tables = calibrationTables(calibration, acrossAudits, levels);
  const href = (format: string, table?: string) =>
    `/audits/${auditId}/calibration/export?format=${format}${table ? `&table=${table}` : ''}`;
  return (
    <div className="space-y-8">
      <p>
        <Link href={`/audits/${auditId}/benchmarks`}>Back to benchmarking</Link>
      </p>
      <div>
        <h1>Calibration report: {auditName}</h1>
        <p className="mt-1 text-slate-700">
          How closely the benchmarkers’ blind grades matched the original grades: {calibration.pairs}{' '}
          benchmarked case{calibration.pairs === 1 ? '' : 's'} in this audit.{' '}
          {calibration.overall.percentAgreement.words}
        </p>
        {calibration.overall.warning && (
          <p role="note" className="card mt-3">
            {calibration.overall.warning}
          </p>
        )}
        <p className="mt-3">
          <a href={href('xlsx')} download>
            Download all tables (XLSX)
          </a>
        </p>
      </div>
      {tables.map((table) => (
        <section key={table.id} aria-labelledby={`${table.id}-title`} className="space-y-3">
          <h2 id={`${table.id}-title`}>{table.title}</h2>
          <ReportTableView table={table} csvHref={href('csv', table.id)} />
        </section>
      ))}
    </div>
  );
}
