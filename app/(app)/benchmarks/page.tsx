import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
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
      {benchmarks.length === 0 ? (
        <p className="card">No cases to benchmark.</p>
      ) : (
        <table className="data-table">
          <caption className="sr-only">Your benchmarks</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Audit</th>
              <th scope="col">Service area</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {benchmarks.map((benchmark) => (
              <tr key={benchmark.id}>
                <th scope="row" className="font-normal">
                  <Link
                    href={
                      benchmark.status === 'SUBMITTED' || benchmark.status === 'MODERATED'
                        ? `/benchmarks/${benchmark.id}/compare`
                        : `/benchmarks/${benchmark.id}`
                    }
                  >
                    {benchmark.caseReference}
                  </Link>
                </th>
                <td>{benchmark.auditName}</td>
                <td>{benchmark.areaCode}</td>
                <td>{BENCHMARK_STATUS_LABELS[benchmark.status] ?? benchmark.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
