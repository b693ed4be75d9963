import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { reassignCaseAction, replaceSampledCaseAction } from '@/lib/actions/sampling';
import { requireActor } from '@/lib/auth/actor';
import { getSampledCase } from '@/lib/db/sample-cases';
import { findAuditorOptions } from '@/lib/db/assignment';
import { getSamplingContext } from '@/lib/db/sampling';
import { REPLACEMENT_REASONS } from '@/lib/domain/sample-rules';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { describeStratum } from '@/lib/domain/strata';
import { isUuid } from '@/lib/schemas/fields';

export const metadata: Metadata = { title: 'Reassign or replace a sampled case' };
export const dynamic = 'force-dynamic';

/** One sampled case's changes after the sample is locked: a new auditor, or a logged replacement. */
export default async function SampledCasePage({
  params,
}: {
  params: Promise<{ auditId: string; sampledCaseId: string }>;
}) {
  const actor = await requireActor();
  if (!can(actor, 'sample.manage', NATIONAL)) notFound();
  const { auditId, sampledCaseId } = await params;
  if (!isUuid(auditId) || !isUuid(sampledCaseId)) notFound();
  const [context, sampled, auditors] = await Promise.all([
    getSamplingContext(auditId),
    getSampledCase(auditId, sampledCaseId),
    findAuditorOptions(),
  ]);
  if (!context || !sampled || !context.sample?.lockedAt) notFound();
  const stratum = describeStratum(sampled.stratumKey);
  const back = `/audits/${auditId}/sample`;
  return (
    <div className="max-w-3xl space-y-8">
      <p>
        <Link href={`${back}#cases-title`}>Back to the sample of {context.auditName}</Link>
      </p>
      <div>
        <h1>Case {sampled.caseReference}</h1>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">Audit</dt>
          <dd>{context.auditName}</dd>
          <dt className="font-medium">Practitioner</dt>
          <dd>
            {sampled.practitionerName} ({sampled.practitionerReference})
          </dd>
          <dt className="font-medium">Area · stratum</dt>
          <dd>
            {sampled.areaCode} · {stratum.lawType}, {stratum.band}
          </dd>
          <dt className="font-medium">Auditor</dt>
          <dd>{sampled.assignedTo?.name ?? 'Not assigned'}</dd>
        </dl>
      </div>

      <section className="card space-y-3" aria-labelledby="reassign-title">
        <h2 id="reassign-title">Reassign</h2>
        <p className="text-sm text-slate-700">
          A draft already started is handed to the new auditor with its history; nothing typed is lost.
        </p>
        <ActionForm
          action={reassignCaseAction}
          values={{ sampledCaseId: sampled.id, version: sampled.version }}
          submitLabel="Reassign"
          successMessage="Reassigned."
          className="space-y-2"
        >
          <SelectField
            name="auditorId"
            label={`Auditor for ${sampled.caseReference}`}
            options={auditors.map((auditor) => ({ value: auditor.id, label: auditor.name }))}
            defaultValue={sampled.assignedTo?.id ?? ''}
            placeholder="Choose"
          />
        </ActionForm>
      </section>

      <section className="card space-y-3" aria-labelledby="replace-title">
        <h2 id="replace-title">Replace from the reserve list</h2>
        <p className="text-sm text-slate-700">
          The next case on its stratum’s reserve list takes its place. The replacement is logged with your
          reason.
        </p>
        <ActionForm
          action={replaceSampledCaseAction}
          values={{ sampledCaseId: sampled.id, version: sampled.version }}
          submitLabel="Replace from reserve"
          successMessage="Replaced."
          variant="danger"
          className="space-y-2"
          redirectTo={`${back}#replacements-title`}
          confirm={{
            title: `Replace ${sampled.caseReference}?`,
            body: 'The next case on its stratum’s reserve list takes its place. This is logged.',
            confirmLabel: 'Yes, replace',
          }}
        >
          <SelectField
            name="reason"
            label={`Reason for replacing ${sampled.caseReference}`}
            options={Object.entries(REPLACEMENT_REASONS).map(([value, label]) => ({ value, label }))}
            placeholder="Choose a reason"
          />
          <TextField name="note" label="Note" required={false} />
        </ActionForm>
      </section>
    </div>
  );
}
