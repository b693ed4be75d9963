import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { deleteMeasureAction } from '@/lib/actions/improvement-measures';
import { AUDIT_KIND_LABELS, AUDIT_STATUS_LABELS } from '@/lib/domain/audits';
import { changeWords, formatPoints, type MeasurePoint } from '@/lib/domain/measures';
import type { RecommendationMeasures as RecommendationMeasuresView } from '@/lib/domain/measure-views';
import { MeasureChart } from './measure-chart';

type Measure = RecommendationMeasuresView['measures'][number];

const VERDICT = 'inline-block rounded px-2 py-0.5 text-sm font-semibold';

function Verdicts({ measure }: { measure: Measure }) {
  const { target, change } = measure;
  return (
    <p className="flex flex-wrap gap-2">
      {target && (
        <span
          className={`${VERDICT} ${target.met === null ? 'bg-slate-200 text-slate-800' : target.met ? 'tone-green' : 'tone-amber'}`}
        >
          Target {target.text}: {target.met === null ? 'not yet measured' : target.met ? 'met' : 'not met'}
        </span>
      )}
      {change?.beyondChance !== null && change?.beyondChance !== undefined && (
        <span className={`${VERDICT} ${change.beyondChance ? 'tone-green' : 'tone-amber'}`}>
          {change.beyondChance ? 'More than chance variation' : 'Could be chance variation'}
        </span>
      )}
    </p>
  );
}

function MeasureSeriesTable({ measure }: { measure: Measure }) {
  return (
    <DataTable<MeasurePoint>
      caption={`${measure.label}: ${measure.shareLabel} by audit`}
      captionStyle="hidden"
      rows={measure.series}
      rowKey={(point) => point.auditId}
      empty="No published audit has graded cases that match this measure yet."
      columns={[
        {
          header: 'Audit',
          isRowHeader: true,
          cell: (point) => (
            <>
              <Link href={`/audits/${point.auditId}`}>{point.auditName}</Link>
              {point.isBaseline && <span className="tag ml-2">Baseline</span>}
            </>
          ),
        },
        { header: 'Cases', isNumeric: true, cell: (point) => point.total },
        { header: measure.shareLabel, isNumeric: true, cell: (point) => point.count },
        { header: '%', isNumeric: true, cell: (point) => point.percentText },
      ]}
    />
  );
}

function ChangeLine({ measure }: { measure: Measure }) {
  const { change } = measure;
  if (!change) return null;
  const interval = change.interval
    ? ` (95% interval ${formatPoints(change.interval.low)} to ${formatPoints(change.interval.high)} points, Newcombe’s method 10)`
    : '';
  return (
    <p className="text-sm text-slate-700">
      Change from {change.from.period} to {change.to.period}: {changeWords(change.points)}
      {interval}.
    </p>
  );
}

/**
 * A recommendation's measures, for its page: each measure's sentence, its
 * figures by audit in a table with a small chart beside it, the target and
 * whether the change is more than chance; the audits linked as evidence.
 */
export function RecommendationMeasures({ view }: { view: RecommendationMeasuresView }) {
  const base = `/improvement/recommendations/${view.recommendationId}`;
  return (
    <section aria-labelledby="measures-title" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="measures-title">Measures from the graded cases</h2>
        <p className="flex gap-4">
          {view.canManage && <Link href={`${base}/measures/new`}>Add a measure</Link>}
          {view.canCommission && <Link href={`${base}/commission`}>Commission a thematic audit</Link>}
        </p>
      </div>
      {view.measures.length === 0 && (
        <p>
          No measures yet. A measure follows a share of graded cases (for example % Good in one area’s work
          after first hearing) across the published audits.
        </p>
      )}
      {view.measures.map((measure) => (
        <article key={measure.id} className="card space-y-3" aria-labelledby={`measure-${measure.id}`}>
          <h3 id={`measure-${measure.id}`} className="font-semibold">
            {measure.label}
          </h3>
          <p className="text-sm text-slate-700">
            {measure.sectionTitle ? `${measure.sectionTitle} grade` : 'Overall grade'}, % {measure.shareLabel}
            ; {measure.filtersText}
          </p>
          <p>{measure.sentence}</p>
          <Verdicts measure={measure} />
          <div className="grid gap-4 lg:grid-cols-2">
            <MeasureSeriesTable measure={measure} />
            {measure.series.length > 1 && (
              <MeasureChart
                points={measure.series.map((point) => ({ period: point.period, percent: point.percent }))}
                target={
                  measure.target
                    ? { value: measure.target.percent, label: `Target ${measure.target.text}` }
                    : null
                }
              />
            )}
          </div>
          <ChangeLine measure={measure} />
          {(view.canManage || view.canCommission) && (
            <div className="flex flex-wrap items-center gap-4">
              {view.canManage && <Link href={`${base}/measures/${measure.id}`}>Change {measure.label}</Link>}
              {view.canCommission && (
                <Link href={`${base}/commission?measure=${measure.id}`}>
                  Commission an audit to test {measure.label}
                </Link>
              )}
              {view.canManage && (
                <ActionForm
                  action={deleteMeasureAction}
                  values={{ measureId: measure.id, version: measure.version }}
                  submitLabel={`Delete ${measure.label}`}
                  successMessage="Measure deleted."
                  variant="secondary"
                  className="flex items-center gap-3"
                  confirm={{
                    title: `Delete the measure “${measure.label}”?`,
                    body: 'Its figures stop showing on this recommendation. Judgements already recorded keep the figures as they stood.',
                    confirmLabel: 'Delete measure',
                  }}
                />
              )}
            </div>
          )}
        </article>
      ))}
      <h3 className="font-semibold">Audits linked as evidence</h3>
      <DataTable
        caption="Audits linked to this recommendation"
        captionStyle="hidden"
        rows={view.linkedAudits}
        rowKey={(audit) => audit.auditId}
        empty="No audits are linked to this recommendation yet."
        columns={[
          {
            header: 'Audit',
            isRowHeader: true,
            cell: (audit) => <Link href={`/audits/${audit.auditId}`}>{audit.name}</Link>,
          },
          { header: 'Kind', cell: (audit) => AUDIT_KIND_LABELS[audit.kind] },
          {
            header: 'Status',
            cell: (audit) =>
              audit.status === 'PUBLISHED'
                ? 'Published: its figures are in the measures'
                : `${AUDIT_STATUS_LABELS[audit.status]}: figures join the measures when published`,
          },
          {
            header: 'Why linked',
            cell: (audit) =>
              audit.commissioned
                ? `Commissioned to test ${audit.measureLabel ?? 'this recommendation'}`
                : 'Evidence',
          },
        ]}
      />
    </section>
  );
}
