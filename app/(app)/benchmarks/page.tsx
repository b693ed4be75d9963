import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable } from '@/components/ui/data-table';
import { requireActor } from '@/lib/auth/actor';
import { BENCHMARK_STATUS_LABELS } from '@/lib/domain/benchmarking';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { findMyBenchmarks } from '@/lib/use-cases/benchmarks/find-my-benchmarks';

export const metadata: Metadata = { title: 'Benchmarking' };
export const dynamic = 'force-dynamic';

export default async function MyBenchmarksPage() {
  const actor = await requireActor();
  if (!can(actor, 'benchmark.grade', NATIONAL)) notFound();
  const benchmarks = await findMyBenchmarks(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1>Benchmarking</h1>
        <p className="mt-1 text-slate-700">
          Cases to grade blind, so one threshold holds across the country. You see the original grades only
          after you submit yours.
        </p>
      </div>
      <DataTable
        caption="Your benchmarks"
        captionStyle="hidden"
        empty="No cases to benchmark."
        emptyClassName="card"
        rows={benchmarks}
        rowKey={(benchmark) => benchmark.id}
        columns={[
          {
            header: 'Case',
            isRowHeader: true,
            className: 'font-normal',
            cell: (benchmark) => (
              <Link
                href={
                  benchmark.status === 'SUBMITTED' || benchmark.status === 'MODERATED'
                    ? `/benchmarks/${benchmark.id}/compare`
                    : `/benchmarks/${benchmark.id}`
                }
              >
                {benchmark.caseReference}
              </Link>
            ),
          },
          { header: 'Audit', cell: (benchmark) => benchmark.auditName },
          { header: 'Service area', cell: (benchmark) => benchmark.areaCode },
          {
            header: 'Status',
            cell: (benchmark) => BENCHMARK_STATUS_LABELS[benchmark.status] ?? benchmark.status,
          },
        ]}
      />
    </div>
  );
}
