import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextAreaField } from '@/components/ui/fields';
import { DataTable } from '@/components/ui/data-table';
import { moderateBenchmarkAction } from '@/lib/actions/benchmarks';
import { requireActor } from '@/lib/auth/actor';
import { agreedField } from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';
import { getComparison, type Comparison } from '@/lib/use-cases/benchmarks/get-comparison';

export const metadata: Metadata = { title: 'Benchmark comparison' };
export const dynamic = 'force-dynamic';

export default async function ComparisonPage({
  params,
  searchParams,
}: {
  params: Promise<{ benchmarkId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { benchmarkId } = await params;
  if (!isUuid(benchmarkId)) notFound();
  let comparison: Comparison;
  try {
    comparison = await getComparison(actor, benchmarkId);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  const justSubmitted = (await searchParams).submitted === '1';
  const label = (key: string | null | undefined) =>
    comparison.content.scale.levels.find((level) => level.key === key)?.label ?? 'Not graded';
  const differs = new Set(comparison.differences.map((difference) => difference.field));
  const rows = [
    { field: 'overall', title: 'Overall grade' },
    ...comparison.content.sections.map((section) => ({ field: section.key, title: section.title })),
  ];
  const gradeOf = (grades: Comparison['first'], field: string) =>
    field === 'overall' ? grades.overall : (grades.sections[field] ?? null);
  const options = comparison.content.scale.levels.map((level) => ({ value: level.key, label: level.label }));
  return (
    <div className="space-y-6">
      <p>
        {can(actor, 'benchmark.manage', NATIONAL) || can(actor, 'calibration.view', NATIONAL) ? (
          <Link href={`/audits/${comparison.auditId}/benchmarks`}>Back to benchmarking</Link>
        ) : (
          <Link href="/benchmarks">Back to benchmarking</Link>
        )}
      </p>
      {justSubmitted && (
        <p role="status" className="card">
          Your grades are submitted. Here they are beside the original grades.
        </p>
      )}
      <div>
        <h1>Case {comparison.caseReference}: the two gradings</h1>
        <p className="mt-1 text-slate-700">
          {comparison.auditName} · {comparison.areaCode} · graded by {comparison.auditorName}, benchmarked by{' '}
          {comparison.benchmarkerName}.{' '}
          {comparison.differences.length === 0
            ? 'The gradings agree on every section and overall.'
            : `They differ on ${comparison.differences.length} of ${rows.length} grades (marked).`}
        </p>
      </div>
      <DataTable
        caption="Original and benchmark grades, section by section"
        captionStyle="hidden"
        rows={rows}
        rowKey={(row) => row.field}
        rowClassName={(row) => (differs.has(row.field) ? 'tone-amber' : undefined)}
        columns={[
          {
            header: 'Section',
            isRowHeader: true,
            className: 'font-normal',
            cell: (row) => (
              <>
                {row.title}
                {differs.has(row.field) && <strong> (differs)</strong>}
              </>
            ),
          },
          { header: 'Original grade', cell: (row) => label(gradeOf(comparison.first, row.field)) },
          { header: 'Benchmark grade', cell: (row) => label(gradeOf(comparison.second, row.field)) },
          {
            header: 'Agreed grade',
            cell: (row) =>
              comparison.agreed && differs.has(row.field)
                ? label(
                    row.field === 'overall'
                      ? comparison.agreed.overall
                      : comparison.agreed.sections[row.field],
                  )
                : '',
          },
        ]}
      />
      {comparison.agreed && (
        <p className="card">
          Moderated by {comparison.agreed.by}: “{comparison.agreed.reason}”. The agreed grades are now the
          case’s grades; its history keeps all three.
        </p>
      )}
      {comparison.moderationRefusal && <p className="card">{comparison.moderationRefusal}</p>}
      {comparison.canModerate && (
        <section className="card space-y-4" aria-labelledby="moderate">
          <h2 id="moderate">Record the agreed grades</h2>
          <p className="text-sm text-slate-700">
            The agreed grades replace the case’s grades in every report. The original and the benchmark grades
            stay in the case’s history.
          </p>
          <ActionForm
            action={moderateBenchmarkAction}
            values={{ benchmarkId: comparison.benchmarkId, version: comparison.version }}
            submitLabel="Record the agreed grades"
            successMessage="Moderation recorded."
            confirm={{
              title: 'Record the agreed grades?',
              body: 'They become the case’s grades in the audit’s reports.',
              confirmLabel: 'Yes, record them',
            }}
          >
            {comparison.differences.map((difference) => (
              <SelectField
                key={difference.field}
                name={agreedField(difference.field)}
                label={`Agreed grade: ${rows.find((row) => row.field === difference.field)?.title ?? difference.field}`}
                options={options}
                defaultValue=""
                placeholder="Choose the agreed grade"
              />
            ))}
            <TextAreaField name="reason" label="Why this grade was agreed" />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
