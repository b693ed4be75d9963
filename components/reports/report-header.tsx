import type { AuditReport } from '@/lib/domain/report-view';
import { formatDate } from '@/lib/domain/dates';
import { reconciliationSentence, smallGroupSentence } from '@/lib/report/tables';

/** The report's title, what it covers, whether its tables add up, and the small-group rule. */
export function ReportHeader({ report }: { report: AuditReport }) {
  const smallGroups = smallGroupSentence(report);
  const { agrees } = report.reconciliation;
  return (
    <header className="space-y-2">
      <h1>{report.audit.name}: summary report</h1>
      <p className="text-slate-700">
        {report.scope.label === 'National' ? 'National figures' : `Service area ${report.scope.label}`} · work
        filed {formatDate(report.audit.windowFrom)} to {formatDate(report.audit.windowTo)} · graded against{' '}
        {report.audit.thresholdVersionLabel}
      </p>
      <div role={agrees ? 'status' : 'alert'} className={agrees ? 'card' : 'error-summary'}>
        <p>{reconciliationSentence(report.reconciliation, { below: true })}</p>
      </div>
      {smallGroups && (
        <p role="note" className="card">
          {smallGroups}
        </p>
      )}
    </header>
  );
}

/** The choice of area (national readers only) and the whole-report downloads. */
export function ReportTools({
  areas,
  selectedAreaId,
  xlsxHref,
  pdfHref,
}: {
  /** Null for a reader who sees one area only: no choice to offer. */
  areas: { id: string; code: string }[] | null;
  selectedAreaId: string | null;
  xlsxHref: string;
  pdfHref: string;
}) {
  return (
    <nav aria-label="Report tools" className="flex flex-wrap items-end gap-6 print:hidden">
      {areas && (
        <form method="get" className="flex items-end gap-3">
          <div className="field">
            <label htmlFor="area" className="block font-medium">
              Figures for
            </label>
            <select id="area" name="area" defaultValue={selectedAreaId ?? ''} className="input">
              <option value="">All areas (national)</option>
              {areas.map((area) => (
                <option key={area.id} value={area.id}>
                  {area.code}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-secondary">
            Show
          </button>
        </form>
      )}
      <p className="flex flex-wrap gap-4">
        <a href={xlsxHref} download>
          Download all tables (XLSX)
        </a>
        <a href={pdfHref} download>
          Download the report (PDF)
        </a>
      </p>
    </nav>
  );
}
