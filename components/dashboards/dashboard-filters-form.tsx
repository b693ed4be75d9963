import { AUDIT_KIND_LABELS, AUDIT_KINDS, LAW_TYPE_LABELS, LAW_TYPES } from '@/lib/domain/audits';
import type { DashboardFilters } from '@/lib/domain/dashboard-views';

export function DashboardFiltersForm({ filters, action }: { filters: DashboardFilters; action: string }) {
  return (
    <form
      method="get"
      action={action}
      className="flex flex-wrap items-end gap-4"
      aria-label="Dashboard filters"
    >
      <div className="field">
        <label htmlFor="kind" className="block font-medium">
          Audit kind
        </label>
        <select id="kind" name="kind" defaultValue={filters.kind} className="input">
          {AUDIT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {AUDIT_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="from" className="block font-medium">
          From (month)
        </label>
        <input id="from" name="from" type="month" defaultValue={filters.from ?? ''} className="input" />
      </div>
      <div className="field">
        <label htmlFor="to" className="block font-medium">
          To (month)
        </label>
        <input id="to" name="to" type="month" defaultValue={filters.to ?? ''} className="input" />
      </div>
      <div className="field">
        <label htmlFor="law" className="block font-medium">
          Law type
        </label>
        <select id="law" name="law" defaultValue={filters.lawType ?? ''} className="input">
          <option value="">All law types</option>
          {LAW_TYPES.map((lawType) => (
            <option key={lawType} value={lawType}>
              {LAW_TYPE_LABELS[lawType]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-secondary">
        Apply
      </button>
    </form>
  );
}
