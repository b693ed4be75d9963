import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReportTableView } from '@/components/reports/report-table';
import { requireActor } from '@/lib/auth/actor';
import { calibrationFor } from '@/lib/db/benchmarks';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { calibrationTables } from '@/lib/report/calibration-tables';
import { isUuid } from '@/lib/schemas/fields';

export const metadata: Metadata = { title: 'Calibration report' };
export const dynamic = 'force-dynamic';

export default async function CalibrationPage({ params }: { params: Promise<{ auditId: string }> }) {
  const actor = await requireActor();
  const { auditId } = await params;
  if (!isUuid(auditId) || !can(actor, 'calibration.view', NATIONAL)) notFound();
  const { auditName, content, calibration, acrossAudits } = await calibrationFor(auditId).catch(() =>
    notFound(),
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
