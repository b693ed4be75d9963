// The dashboard's widgets: each an async server component that fetches its
// own figures, so the page streams them in as they are ready (Suspense).
import { Suspense, type ReactNode } from 'react';
import { ReportTableView } from '@/components/reports/report-table';
import { TrendLinesChart } from '@/components/dashboards/trend-chart';
import {
  auditsUnderWay,
  latestStanding,
  practitionerRows,
  qaTrend,
  sectionHeatMap,
  trend,
  type DashboardFilters,
  type DashboardScope,
} from '@/lib/db/dashboards';
import type { Actor } from '@/lib/domain/actor';
import { AUDIT_KIND_LABELS, AUDIT_KINDS, LAW_TYPE_LABELS, LAW_TYPES } from '@/lib/domain/audits';
import {
  heatMapTable,
  practitionersTable,
  progressTable,
  qaTable,
  standingTable,
  trendTable,
} from '@/lib/report/dashboard-tables';
import { dashboardQuery } from '@/lib/schemas/dashboards';

export type WidgetProps = {
  actor: Actor;
  scope: DashboardScope;
  filters: DashboardFilters;
};

function exportHref(props: WidgetProps, table: string): string {
  const extra: Record<string, string> = { table };
  if (props.scope.level !== 'national') extra.area = props.scope.serviceAreaId;
  if (props.scope.level === 'team') extra.team = props.scope.teamId;
  return `/dashboard/export${dashboardQuery(props.filters, extra)}`;
}

/** A titled panel that streams in; the fallback keeps the page's shape while it loads. */
export function Widget({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`widget-${id}`} className="space-y-3">
      <h2 id={`widget-${id}`}>{title}</h2>
      <Suspense
        fallback={
          <p role="status" className="text-slate-700">
            Counting…
          </p>
        }
      >
        {children}
      </Suspense>
    </section>
  );
}

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

export async function StandingWidget(
  props: WidgetProps & { groupHeading: string; linkFor?: (key: string) => string | null },
) {
  const standing = await latestStanding(props.actor, props.scope, props.filters);
  if (!standing.audit) return <p className="card">No published audit of this kind in the period yet.</p>;
  const table = standingTable(standing, props.groupHeading);
  if (props.linkFor) table.rowLinks = standing.rows.map((row) => props.linkFor!(row.key));
  return (
    <>
      {standing.overall && (
        <p>
          {standing.overall.label}: {standing.overall.goodRag.reason} {standing.overall.lowestRag.reason}
        </p>
      )}
      <ReportTableView table={table} csvHref={exportHref(props, 'standing')} />
    </>
  );
}

export async function TrendWidget(props: WidgetProps & { linkFor?: (key: string) => string | null }) {
  const figures = await trend(props.actor, props.scope, props.filters);
  const linked = (table: ReturnType<typeof trendTable>, series: typeof figures.good) => {
    if (props.linkFor) table.rowLinks = series.map((line) => props.linkFor!(line.key));
    return table;
  };
  if (figures.audits.length === 0) return <p className="card">No published audits in the period.</p>;
  const overallGood = figures.good[0];
  const overallLowest = figures.lowest[0];
  return (
    <>
      {overallGood && overallLowest && (
        <TrendLinesChart
          audits={figures.audits.map((audit) => audit.name)}
          series={[
            {
              label: `% Good or above (${overallGood.label})`,
              values: overallGood.points.map((point) => point?.percent ?? null),
            },
            {
              label: `% lowest grade (${overallLowest.label})`,
              values: overallLowest.points.map((point) => point?.percent ?? null),
            },
          ]}
          targets={[
            ...(figures.targets.good !== null
              ? [{ label: `Target ${figures.targets.good}%`, value: figures.targets.good }]
              : []),
            ...(figures.targets.lowest !== null
              ? [{ label: `Target ${figures.targets.lowest}%`, value: figures.targets.lowest }]
              : []),
          ]}
        />
      )}
      <ReportTableView
        table={linked(trendTable(figures, 'good', 'Good or above'), figures.good)}
        csvHref={exportHref(props, 'trend-good')}
      />
      <ReportTableView
        table={linked(trendTable(figures, 'lowest', 'lowest grade'), figures.lowest)}
        csvHref={exportHref(props, 'trend-lowest')}
      />
    </>
  );
}

export async function QaWidget(props: WidgetProps) {
  const qa = await qaTrend(props.actor, props.scope, props.filters);
  if (qa.audits.length === 0) return <p className="card">No published audits in the period.</p>;
  const priorities = qa.indicators.filter((indicator) => indicator.priority);
  return (
    <>
      <p>
        {priorities.length === 0
          ? 'Every indicator is at or above its target in the latest audit.'
          : `Priorities (below target in the latest audit): ${priorities.map((indicator) => indicator.label).join('; ')}.`}
      </p>
      <TrendLinesChart
        audits={qa.audits.map((audit) => audit.name)}
        series={qa.indicators.map((indicator) => ({
          label: indicator.label,
          values: indicator.points.map((point) => point?.percent ?? null),
        }))}
        targets={[]}
      />
      <ReportTableView table={qaTable(qa)} csvHref={exportHref(props, 'quality-assurance')} />
    </>
  );
}

export async function HeatMapWidget(props: WidgetProps & { groupHeading: string }) {
  const heatMap = await sectionHeatMap(props.actor, props.scope, props.filters);
  if (!heatMap.audit) return <p className="card">No published audit of this kind in the period yet.</p>;
  return (
    <ReportTableView
      table={heatMapTable(heatMap, props.groupHeading)}
      csvHref={exportHref(props, 'sections-heat-map')}
    />
  );
}

export async function ProgressWidget(props: WidgetProps) {
  const progress = await auditsUnderWay(props.actor, props.scope, props.filters, new Date());
  if (progress.length === 0) return <p className="card">No audit of this kind is under way.</p>;
  return <ReportTableView table={progressTable(progress)} csvHref={exportHref(props, 'audits-under-way')} />;
}

export async function PractitionersWidget(
  props: WidgetProps & { scope: Extract<DashboardScope, { level: 'area' | 'team' }> },
) {
  const rows = await practitionerRows(props.actor, props.scope, props.filters);
  if (rows.length === 0)
    return <p className="card">No graded cases for these practitioners in the period.</p>;
  return (
    <ReportTableView
      table={practitionersTable(rows, 'Good or above')}
      csvHref={exportHref(props, 'practitioners')}
    />
  );
}
