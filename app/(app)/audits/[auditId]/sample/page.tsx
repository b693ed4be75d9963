import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { autoAssignAction, drawSampleAction, lockSampleAction } from '@/lib/actions/sampling';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { findSampledCasesPage } from '@/lib/db/sample-cases';
import { assignmentLoads } from '@/lib/db/assignment';
import { findReplacements, getSamplingContext, sampleBreakdown } from '@/lib/db/sampling';
import { AUDIT_STATUS_LABELS } from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { describeStratum } from '@/lib/domain/strata';
import { isUuid } from '@/lib/schemas/fields';
import { SampleCasesFilterSchema } from '@/lib/schemas/sample';
import { SampledCases } from './sampled-cases';

export const metadata: Metadata = { title: 'Sample' };
export const dynamic = 'force-dynamic';

export default async function SamplePage({
  params,
  searchParams,
}: {
  params: Promise<{ auditId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, 'sample.view', NATIONAL)) notFound();
  const { auditId } = await params;
  if (!isUuid(auditId)) notFound();
  const context = await getSamplingContext(auditId);
  if (!context) notFound();
  const canManage = can(actor, 'sample.manage', NATIONAL);
  const sample = context.sample;
  const locked = Boolean(sample?.lockedAt);
  const filter = SampleCasesFilterSchema.parse(await searchParams);
  const [breakdown, page, loads, replacements, areas] = await Promise.all([
    sample ? sampleBreakdown(auditId) : [],
    sample ? findSampledCasesPage(auditId, filter) : null,
    locked ? assignmentLoads(auditId) : [],
    locked ? findReplacements(auditId) : [],
    sample ? findServiceAreaOptions() : [],
  ]);
  const totals = breakdown.reduce(
    (sum, row) => ({ population: sum.population + row.population, selected: sum.selected + row.selected }),
    { population: 0, selected: 0 },
  );
  const selected = page?.selected ?? 0;
  const unassigned = page?.unassigned ?? 0;

  return (
    <div className="space-y-8">
      <p>
        <Link href={`/audits/${auditId}`}>Back to {context.auditName}</Link>
      </p>
      <div>
        <h1>Sample: {context.auditName}</h1>
        <p className="mt-1 text-slate-700">
          {AUDIT_STATUS_LABELS[context.status]} · work filed {formatDate(context.windowFrom)} to{' '}
          {formatDate(context.windowTo)} ·{' '}
          {sample ? (locked ? 'Sample locked' : 'Sample drawn, not yet locked') : 'No sample yet'}
        </p>
      </div>

      {canManage && !locked && (
        <section className="card space-y-3" aria-labelledby="draw-title">
          <h2 id="draw-title">{sample ? 'Redraw the sample' : 'Draw the sample'}</h2>
          {context.status !== 'SAMPLING' ? (
            <p>Move the audit to its Sampling stage first.</p>
          ) : (
            <>
              <p className="max-w-3xl text-sm text-slate-700">
                In each service area, the chosen share of practitioners with work filed in the window, spread
                across law types and performance bands in proportion to their numbers, chosen at random; one
                case each, their most recently filed. The same seed always gives the same sample.
              </p>
              <ActionForm
                action={drawSampleAction}
                values={{ auditId }}
                submitLabel={sample ? 'Redraw sample' : 'Draw sample'}
                successMessage="Sample drawn."
              >
                <TextField
                  name="seed"
                  label="Seed"
                  hint="Any words or numbers; recorded so the sample can be reproduced."
                  defaultValue={sample?.seed ?? `${context.auditName.replace(/[^A-Za-z0-9 _-]/g, '')} sample`}
                />
                <TextField
                  name="sharePercent"
                  type="number"
                  label="Share of practitioners (%)"
                  defaultValue={String(sample?.sharePercent ?? 50)}
                />
              </ActionForm>
            </>
          )}
        </section>
      )}

      {sample && (
        <section className="space-y-3" aria-labelledby="breakdown-title">
          <div className="flex flex-wrap items-center justify-between gap-4">
            <h2 id="breakdown-title">Population and sample by area and stratum</h2>
            <a className="btn btn-secondary" href={`/audits/${auditId}/sample/export`}>
              Download the sample with its explanation (CSV)
            </a>
          </div>
          <p className="text-sm text-slate-700">
            Seed “{sample.seed}”, {sample.sharePercent}% of practitioners:{' '}
            {totals.selected.toLocaleString('en-GB')} cases from {totals.population.toLocaleString('en-GB')}{' '}
            practitioners with eligible work.
          </p>
          <div
            className="max-h-[32rem] overflow-auto"
            tabIndex={0}
            role="region"
            aria-label="Population and sample by area and stratum (scrollable)"
          >
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col">Law type</th>
                  <th scope="col">Band</th>
                  <th scope="col" className="text-right">
                    Practitioners
                  </th>
                  <th scope="col" className="text-right">
                    Sampled
                  </th>
                  <th scope="col" className="text-right">
                    Replaced
                  </th>
                </tr>
              </thead>
              <tbody>
                {breakdown.map((row) => {
                  const stratum = describeStratum(row.stratumKey);
                  return (
                    <tr key={`${row.serviceAreaId}-${row.stratumKey}`}>
                      <td>{row.areaCode}</td>
                      <td>{stratum.lawType}</td>
                      <td>{stratum.band}</td>
                      <td className="text-right">{row.population}</td>
                      <td className="text-right">{row.selected}</td>
                      <td className="text-right">{row.replaced}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3} className="text-left">
                    Total
                  </th>
                  <td className="text-right font-semibold">{totals.population}</td>
                  <td className="text-right font-semibold">{totals.selected}</td>
                  <td className="text-right font-semibold">
                    {breakdown.reduce((sum, row) => sum + row.replaced, 0)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          {canManage && !locked && (
            <ActionForm
              action={lockSampleAction}
              values={{ auditId, version: sample.version }}
              submitLabel="Lock sample"
              successMessage="Sample locked."
              variant="danger"
              confirm={{
                title: 'Lock the sample?',
                body: 'After locking, a case can only be replaced by the next case on its stratum’s reserve list, with a reason.',
                confirmLabel: 'Yes, lock it',
              }}
            />
          )}
        </section>
      )}

      {locked && (
        <section className="card space-y-4" aria-labelledby="assign-title">
          <h2 id="assign-title">Assignment to Improvement Managers</h2>
          <p>
            {selected - unassigned} of {selected} cases assigned
            {unassigned > 0 ? `; ${unassigned} waiting` : ''}.
          </p>
          {loads.length > 0 && (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Improvement Manager</th>
                  <th scope="col" className="text-right">
                    Cases
                  </th>
                  <th scope="col" className="text-right">
                    Areas
                  </th>
                </tr>
              </thead>
              <tbody>
                {loads.map((load) => (
                  <tr key={load.auditorId}>
                    <td>{load.name}</td>
                    <td className="text-right">{load.cases}</td>
                    <td className="text-right">{load.areas}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {canManage && unassigned > 0 && (
            <ActionForm
              action={autoAssignAction}
              values={{ auditId }}
              submitLabel={`Assign ${unassigned} cases automatically`}
              successMessage="Cases assigned."
            />
          )}
        </section>
      )}

      {page && (
        <SampledCases
          auditId={auditId}
          filter={filter}
          cases={page.cases}
          total={page.total}
          selected={page.selected}
          areas={areas}
          canChange={canManage && locked}
        />
      )}

      {replacements.length > 0 && (
        <section className="space-y-3" aria-labelledby="replacements-title">
          <h2 id="replacements-title">Replacement log</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Replaced</th>
                <th scope="col">By</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {replacements.map((replacement, index) => (
                <tr key={index}>
                  <td>{replacement.replacedAt.toLocaleString('en-GB', { timeZone: 'Europe/London' })}</td>
                  <td>{replacement.replacedBy}</td>
                  <td>{replacement.replacedCase}</td>
                  <td>{replacement.replacementCase}</td>
                  <td>
                    {replacement.reason}
                    {replacement.note ? `: ${replacement.note}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
