import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { GradingForm } from '@/components/grading/grading-form';
import { submitBenchmarkAction } from '@/lib/actions/benchmarks';
import { requireActor } from '@/lib/auth/actor';
import { LAW_TYPE_LABELS } from '@/lib/domain/audits';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { isUuid } from '@/lib/schemas/fields';
import { getBenchmarkCase } from '@/lib/use-cases/benchmarks/get-benchmark-case';

export const metadata: Metadata = { title: 'Benchmark a case' };
export const dynamic = 'force-dynamic';

/** Blind second grading: the same form as the auditor's, and never the original grades. */
export default async function BenchmarkCasePage({ params }: { params: Promise<{ benchmarkId: string }> }) {
  const actor = await requireActor();
  const { benchmarkId } = await params;
  if (!isUuid(benchmarkId)) notFound();
  let benchmark;
  try {
    benchmark = await getBenchmarkCase(actor, benchmarkId);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  if (benchmark.status === 'SUBMITTED' || benchmark.status === 'MODERATED')
    redirect(`/benchmarks/${benchmarkId}/compare`);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/benchmarks">Back to benchmarking</Link>
      </p>
      <div>
        <h1>Benchmark case {benchmark.caseReference}</h1>
        <p className="mt-1 text-slate-700">
          {benchmark.auditName} · {benchmark.areaCode} · {LAW_TYPE_LABELS[benchmark.lawType]}. Grade it as you
          would any case: the original grades appear side by side once you submit.
        </p>
      </div>
      <GradingForm
        userId={actor.userId}
        recordId={benchmark.benchmarkId}
        submitKey="benchmarkId"
        draftUrl={`/api/benchmarks/${benchmark.benchmarkId}/draft`}
        doneHref={`/benchmarks/${benchmark.benchmarkId}/compare?submitted=1`}
        content={benchmark.content}
        isEitWorkToFirstHearing={benchmark.isEit && benchmark.lawType === 'PRIVATE_LAW_WTFH'}
        initialAnswers={benchmark.answers}
        initialVersion={benchmark.version}
        initialSavedAt={null}
        submissionId={randomUUID()}
        submitAction={submitBenchmarkAction}
      />
    </div>
  );
}
