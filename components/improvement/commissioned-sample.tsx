import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import type { CommissionedSample as CommissionedSampleView } from '@/lib/domain/measure-views';

/**
 * On an audit commissioned from a recommendation: what it tests and, per
 * area, whether its drawn sample can tell the target change from chance.
 */
export function CommissionedSample({ commissions }: { commissions: CommissionedSampleView[] }) {
  if (commissions.length === 0) return null;
  return (
    <section aria-labelledby="commissioned-title" className="space-y-4">
      <h2 id="commissioned-title">Commissioned to test a recommendation</h2>
      {commissions.map((commission) => (
        <div key={commission.recommendation.id} className="space-y-2">
          <p>
            <Link href={`/improvement/recommendations/${commission.recommendation.id}`} prefetch={false}>
              Recommendation {commission.recommendation.number}
            </Link>{' '}
            of {commission.recommendation.sourceTitle}: {commission.recommendation.text}
            {commission.measure &&
              `. Measure: ${commission.measure.label}${commission.measure.targetText ? `, target ${commission.measure.targetText}` : ''}.`}
          </p>
          {commission.anyTooSmall && (
            <p className="error-summary" role="note">
              The drawn sample is too small to tell the target change from chance in{' '}
              {commission.checks.filter((check) => check.tooSmall).length} of {commission.checks.length}{' '}
              areas: a change of the size sought could well be missed there.
            </p>
          )}
          {commission.measure && commission.measure.targetText === null && (
            <p>The measure has no target, so there is no change to size the sample for.</p>
          )}
          {commission.checks.length > 0 && (
            <DataTable
              caption={
                commission.sampleDrawn
                  ? 'Drawn sample per area against what the change needs (power 80%, 5% two-sided)'
                  : 'Cases each area needs (nothing drawn yet; power 80%, 5% two-sided)'
              }
              rows={commission.checks}
              rowKey={(check) => check.serviceAreaId}
              scroll={{ label: 'Sample per area against what the change needs' }}
              columns={[
                { header: 'Area', isRowHeader: true, cell: (check) => check.code },
                {
                  header: 'Baseline',
                  isNumeric: true,
                  cell: (check) =>
                    check.baseline && check.baselinePercent !== null
                      ? `${check.baselinePercent}% (n = ${check.baseline.total})`
                      : '–',
                },
                { header: 'Needed', isNumeric: true, cell: (check) => check.needed ?? '–' },
                { header: 'Drawn', isNumeric: true, cell: (check) => check.drawn },
                {
                  header: 'Can it tell?',
                  cell: (check) => check.message,
                  className: (check) => (check.tooSmall ? 'tone-amber' : undefined),
                },
              ]}
            />
          )}
        </div>
      ))}
    </section>
  );
}
