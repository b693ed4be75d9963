import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditChallenges } from '@/components/audits/audit-challenges';
import { AuditDetails, AuditStages } from '@/components/audits/audit-details';
import { AuditFields } from '@/components/audits/audit-fields';
import { AuditTransitions } from '@/components/audits/audit-transitions';
import { CommissionedSample } from '@/components/improvement/commissioned-sample';
import { WithheldWhileBenchmarking } from '@/components/reports/withheld-while-benchmarking';
import { ActionForm } from '@/components/ui/action-form';
import { updateAuditAction } from '@/lib/actions/audits';
import { requireActor } from '@/lib/auth/actor';
import { auditFormOptions } from '@/lib/db/audit-form-options';
import { getAudit } from '@/lib/db/audits';
import { getAuditChallengeFigures } from '@/lib/use-cases/challenges/get-audit-challenge-figures';
import { getCommissionedSample } from '@/lib/use-cases/improvement/get-commissioned-sample';
import { getThresholdVersion } from '@/lib/db/thresholds';
import {
  AUDIT_KIND_LABELS,
  AUDIT_STATUS_LABELS,
  canChangeThresholdVersion,
  isFrozen,
  offeredTransitions,
} from '@/lib/domain/audits';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';

export const metadata: Metadata = { title: 'Audit' };
export const dynamic = 'force-dynamic';

export default async function AuditPage({ params }: { params: Promise<{ auditId: string }> }) {
  const actor = await requireActor();
  if (!can(actor, 'audit.view', NATIONAL)) notFound();
  const { auditId } = await params;
  if (!isUuid(auditId)) notFound();
  const audit = await getAudit(auditId);
  if (!audit) notFound();
  const canManage = can(actor, 'audit.manage', NATIONAL) && !isFrozen(audit.status);
  const canSeeBenchmarks =
    can(actor, 'benchmark.manage', NATIONAL) || can(actor, 'calibration.view', NATIONAL);
  const canReadReport =
    can(actor, 'report.view', NATIONAL) ||
    (actor.serviceAreaId !== null && can(actor, 'report.view', inArea(actor.serviceAreaId)));
  const options = canManage ? await auditFormOptions(audit.id) : null;
  const [challenges, thresholdVersion, commissions] = await Promise.all([
    getAuditChallengeFigures(actor, audit.id),
    getThresholdVersion(audit.thresholdVersionId),
    getCommissionedSample(actor, audit.id),
  ]);
  const figures = challenges?.shown ? challenges.figures : null;
  const transitions = offeredTransitions(audit.status, {
    thresholdVersionPublished: thresholdVersion?.status === 'PUBLISHED',
    sampleLocked: audit.sampleLocked,
  });
  return (
    <div className="space-y-8">
      <p>
        <Link href="/audits">Back to audits</Link>
      </p>
      <div>
        <h1>{audit.name}</h1>
        <p className="mt-1 text-slate-700">
          {AUDIT_KIND_LABELS[audit.kind]} · {AUDIT_STATUS_LABELS[audit.status]}
        </p>
        {(canReadReport || canSeeBenchmarks) && (
          <p className="mt-2 flex flex-wrap gap-4">
            {canReadReport && <Link href={`/reports/${audit.id}`}>Open the report</Link>}
            {canSeeBenchmarks && (
              <Link href={`/audits/${audit.id}/benchmarks`}>Benchmarking and calibration</Link>
            )}
          </p>
        )}
      </div>
      <AuditStages status={audit.status} />
      {audit.status !== 'DRAFT' && can(actor, 'sample.view', NATIONAL) && (
        <p>
          <Link href={`/audits/${audit.id}/sample`} className="btn btn-secondary">
            Sample and assignment
          </Link>
        </p>
      )}
      <AuditDetails audit={audit} />
      <CommissionedSample commissions={commissions} />
      {challenges?.shown === false && <WithheldWhileBenchmarking />}
      {figures && figures.overall.challenged > 0 && (
        <AuditChallenges
          figures={figures}
          isOwnAreaOnly={Boolean(challenges?.shown && challenges.serviceAreaId)}
          levels={thresholdVersion?.content.scale.levels ?? []}
          lowestLevelKey={thresholdVersion?.content.scale.lowestLevelKey}
        />
      )}
      {canManage && (transitions.length > 0 || audit.status === 'SAMPLING') && (
        <AuditTransitions audit={audit} transitions={transitions} />
      )}
      {options && (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">Edit audit</h2>
          <ActionForm
            action={updateAuditAction}
            values={{ auditId: audit.id, version: audit.version }}
            submitLabel="Save changes"
            successMessage="Changes saved."
          >
            <AuditFields
              options={options}
              thresholdLocked={!canChangeThresholdVersion(audit.status)}
              defaults={{
                ...audit,
                comparedWithId: audit.comparedWith?.id ?? null,
                commissionedById: audit.commissionedBy?.id ?? null,
                leadId: audit.lead?.id ?? null,
                serviceAreaIds: audit.serviceAreas.map((area) => area.id),
              }}
            />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
