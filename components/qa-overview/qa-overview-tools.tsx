import type { QaOverviewPeriod } from '@/lib/domain/qa-overview';

/** The period (and, for national readers, the area) the overview covers, and the whole-overview downloads. */
export function QaOverviewTools({
  period,
  areas,
  selectedAreaId,
  xlsxHref,
  pdfHref,
}: {
  period: QaOverviewPeriod;
  /** Null for a reader who sees one area only: no choice to offer. */
  areas: { id: string; code: string }[] | null;
  selectedAreaId: string | null;
  xlsxHref: string;
  pdfHref: string;
}) {
  return (
    <nav aria-label="QA overview tools" className="flex flex-wrap items-end gap-6 print:hidden">
      <form method="get" action="/local/qa-overview" className="flex flex-wrap items-end gap-4">
        <div className="field">
          <label htmlFor="from" className="block font-medium">
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={period.from} className="input" />
        </div>
        <div className="field">
          <label htmlFor="to" className="block font-medium">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={period.to} className="input" />
        </div>
        {areas && (
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
        )}
        <button type="submit" className="btn btn-secondary">
          Show
        </button>
      </form>
      <p className="flex flex-wrap gap-4">
        <a href={xlsxHref} download>
          Download all tables (XLSX)
        </a>
        <a href={pdfHref} download>
          Download the overview (PDF)
        </a>
      </p>
    </nav>
  );
}
