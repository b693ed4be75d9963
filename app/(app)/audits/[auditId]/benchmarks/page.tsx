import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { DataTable } from '@/components/ui/data-table';
import { addBenchmarkCaseAction, drawBenchmarksAction } from '@/lib/actions/benchmarks';
import { requireActor } from '@/lib/auth/actor';
import { getAudit } from '@/lib/db/audits';
import { BENCHMARK_STATUS_LABELS, DEFAULT_BENCHMARK_SHARE } from '@/lib/domain/benchmarking';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { ROLE_LABELS, type Role } from '@/lib/domain/roles';
import { isUuid } from '@/lib/schemas/fields';
import { findAuditBenchmarks } from '@/lib/use-cases/benchmarks/find-audit-benchmarks';
import { findBenchmarkerOptions } from '@/lib/use-cases/benchmarks/find-benchmarker-options';

export const metadata: Metadata = { title: 'Benchmarking' };
export const dynamic = 'force-dynamic';

export default async function AuditBenchmarksPage({ params }: { params: Promise<{ auditId: string }> }) {
  const actor = await requireActor();
  const { auditId } = await params;
  const canManage = can(actor, 'benchmark.manage', NATIONAL);
  if (!isUuid(auditId) || !(canManage || can(actor, 'calibration.view', NATIONAL))) notFound();
  const audit = await getAudit(auditId);
  if (!audit) notFound();
  const [benchmarks, people] = await Promise.all([
    findAuditBenchmarks(actor, auditId),
    findBenchmarkerOptions(actor, auditId),
  ]);
  const open = audit.status === 'GRADING' || audit.status === 'REVIEW';
  return (
    <div className="space-y-8">
      <p>
        <Link href={`/audits/${auditId}`}>Back to {audit.name}</Link>
      </p>
      <div>
        <h1>Benchmarking: {audit.name}</h1>
        <p className="mt-1 text-slate-700">
          A share of the graded cases, re-graded blind by a Senior Service Manager or a Head of Service from
          another area, then moderated where the gradings differ.{' '}
          <Link href={`/audits/${auditId}/calibration`}>Open the calibration report</Link>.
        </p>
      </div>
      {canManage && open && (
        <div className="grid gap-6 md:grid-cols-2">
          <section className="card space-y-3" aria-labelledby="draw">
            <h2 id="draw">Draw the benchmark sample</h2>
            <p className="text-sm text-slate-700">
              At random from the graded cases not yet chosen, with every auditor and every area represented.
            </p>
            <ActionForm
              action={drawBenchmarksAction}
              values={{ auditId }}
              submitLabel="Draw and assign"
              successMessage="Sample drawn and benchmarkers told."
            >
              <TextField
                name="sharePercent"
                label="Share of graded cases (%)"
                defaultValue={String(DEFAULT_BENCHMARK_SHARE)}
                type="number"
              />
            </ActionForm>
          </section>
          <section className="card space-y-3" aria-labelledby="add">
            <h2 id="add">Add a case by hand</h2>
            <ActionForm
              action={addBenchmarkCaseAction}
              values={{ auditId }}
              submitLabel="Add the case"
              successMessage="Case added and the benchmarker told."
              resetOnSuccess
            >
              <TextField name="caseReference" label="Case reference" />
              <SelectField
                name="benchmarkerId"
                label="Benchmarker"
                options={people.map((person) => ({
                  value: person.id,
                  label: `${person.name} (${ROLE_LABELS[person.role as Role]})`,
                }))}
                placeholder="Choose a benchmarker"
              />
            </ActionForm>
          </section>
        </div>
      )}
      {!open && <p className="card">Benchmarking happens while the audit is being graded or reviewed.</p>}
      <section aria-labelledby="chosen" className="space-y-3">
        <h2 id="chosen">Cases being benchmarked ({benchmarks.length})</h2>
        <DataTable
          empty="No case chosen yet."
          emptyClassName="card"
          scroll={{ label: 'Cases being benchmarked (scrollable)' }}
          rows={benchmarks}
          rowKey={(benchmark) => benchmark.id}
          columns={[
            {
              header: 'Case',
              isRowHeader: true,
              className: 'font-normal',
              cell: (benchmark) =>
                benchmark.differences !== null ? (
                  <Link href={`/benchmarks/${benchmark.id}/compare`}>{benchmark.caseReference}</Link>
                ) : (
                  benchmark.caseReference
                ),
            },
            { header: 'Area', cell: (benchmark) => benchmark.areaCode },
            { header: 'Auditor', cell: (benchmark) => benchmark.auditorName },
            { header: 'Benchmarker', cell: (benchmark) => benchmark.benchmarkerName },
            {
              header: 'Chosen',
              cell: (benchmark) => (benchmark.chosenBy === 'RANDOM' ? 'At random' : 'By hand'),
            },
            {
              header: 'Status',
              cell: (benchmark) => BENCHMARK_STATUS_LABELS[benchmark.status] ?? benchmark.status,
            },
            {
              header: 'Differences',
              cell: (benchmark) =>
                benchmark.differences === null
                  ? '–'
                  : benchmark.differences === 0
                    ? 'None'
                    : `${benchmark.differences}${benchmark.status === 'SUBMITTED' ? ' (to moderate)' : ''}`,
            },
          ]}
        />
      </section>
    </div>
  );
}
