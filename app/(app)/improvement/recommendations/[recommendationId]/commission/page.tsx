import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditFields } from '@/components/audits/audit-fields';
import { AreaSampleSizes } from '@/components/improvement/area-sample-sizes';
import { ActionForm } from '@/components/ui/action-form';
import { commissionThematicAuditAction } from '@/lib/actions/improvement-measures';
import { requireActor } from '@/lib/auth/actor';
import { auditFormOptions } from '@/lib/db/audit-form-options';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { isUuid } from '@/lib/schemas/fields';
import { getCommissionForm } from '@/lib/use-cases/improvement/get-commission-form';

export const metadata: Metadata = { title: 'Commission a thematic audit' };
export const dynamic = 'force-dynamic';

/** Closing the loop: a thematic audit to test an open recommendation's measure, pre-filled from both. */
export default async function CommissionThematicAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ recommendationId: string }>;
  searchParams: Promise<{ measure?: string | string[] }>;
}) {
  const actor = await requireActor();
  const { recommendationId } = await params;
  const { measure: asked } = await searchParams;
  if (!isUuid(recommendationId)) notFound();
  const measureId = typeof asked === 'string' && isUuid(asked) ? asked : null;
  let form;
  try {
    form = await getCommissionForm(actor, recommendationId, measureId, isoDay(new Date()));
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  const options = await auditFormOptions();
  const base = `/improvement/recommendations/${recommendationId}`;
  return (
    <div className="space-y-6">
      <p>
        <Link href={`${base}/measures`}>Back to the measures</Link>
      </p>
      <div>
        <h1>Commission a thematic audit to test recommendation {form.recommendation.number}</h1>
        <p className="mt-1 text-slate-700">
          {form.recommendation.text} ({form.recommendation.sourceTitle})
        </p>
      </div>
      {!form.recommendation.isOpen ? (
        <p>This recommendation is closed: an audit is commissioned to test an open one.</p>
      ) : (
        <>
          <section aria-labelledby="tests-title" className="space-y-3">
            <h2 id="tests-title">What the audit tests</h2>
            {form.measure ? (
              <p>
                The measure “{form.measure.label}”
                {form.measure.targetText ? `, target ${form.measure.targetText}` : ''}. When the audit is
                published, its figures join this measure’s series.
              </p>
            ) : (
              <p>This recommendation has no measure yet: the audit is linked to it as evidence.</p>
            )}
            {form.measures.length > 1 && (
              <nav aria-label="Test another measure">
                <p>Test another measure instead:</p>
                <ul className="list-disc pl-5">
                  {form.measures
                    .filter((candidate) => candidate.id !== form.measure?.id)
                    .map((candidate) => (
                      <li key={candidate.id}>
                        <Link href={`${base}/commission?measure=${candidate.id}`}>{candidate.label}</Link>
                      </li>
                    ))}
                </ul>
              </nav>
            )}
            <AreaSampleSizes sizes={form.sampleSizes} targetText={form.measure?.targetText ?? null} />
          </section>
          <section aria-labelledby="audit-title" className="card space-y-3">
            <h2 id="audit-title">The audit</h2>
            <p className="text-sm text-slate-700">
              It starts as a draft thematic audit, with the same rules as any new audit: the lead draws its
              sample from the audit page.
            </p>
            <ActionForm
              action={commissionThematicAuditAction}
              values={{ recommendationId, measureId: form.measure?.id ?? '' }}
              submitLabel="Commission audit"
              successMessage="Audit commissioned."
              redirectTo="/audits/{id}"
            >
              <AuditFields options={options} defaults={form.defaults} />
            </ActionForm>
          </section>
        </>
      )}
    </div>
  );
}
