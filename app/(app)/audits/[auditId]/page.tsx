import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditFields } from '@/components/audits/audit-fields';
import { WithheldWhileBenchmarking } from '@/components/reports/withheld-while-benchmarking';
import { ActionForm } from '@/components/ui/action-form';
import { transitionAuditAction, updateAuditAction } from '@/lib/actions/audits';
import { requireActor } from '@/lib/auth/actor';
import { auditFormOptions } from '@/lib/db/audit-form-options';
import { getAudit } from '@/lib/db/audits';
import { getAuditChallengeFigures } from '@/lib/use-cases/challenges/get-audit-challenge-figures';
import { getThresholdVersion } from '@/lib/db/thresholds';
import { describeChallengeFigures } from '@/lib/domain/challenges';
import {
  AUDIT_KIND_LABELS,
  AUDIT_STATUSES,
  AUDIT_STATUS_LABELS,
  canChangeThresholdVersion,
  isFrozen,
  LAW_TYPE_LABELS,
  offeredTransitions,
  transitionLabel,
} from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
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
  const stage = AUDIT_STATUSES.indexOf(audit.status);
  const [challenges, thresholdVersion] = await Promise.all([
    getAuditChallengeFigures(actor, audit.id),
    getThresholdVersion(audit.thresholdVersionId),
  ]);
  const figures = challenges?.shown ? challenges.figures : null;
  const transitions = offeredTransitions(audit.status, {
    thresholdVersionPublished: thresholdVersion?.status === 'PUBLISHED',
    sampleLocked: audit.sampleLocked,
  });
  const levels = thresholdVersion?.content.scale.levels ?? [];
  const levelLabel = (key: string) => levels.find((level) => level.key === key)?.label ?? key;
  const lowestLabel =
    levels.find((level) => level.key === thresholdVersion?.content.scale.lowestLevelKey)?.label ??
    'lowest-grade';
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
      <ol aria-label="Audit stages" className="flex flex-wrap gap-2">
        {AUDIT_STATUSES.map((status, index) => (
          <li
            key={status}
            aria-current={index === stage ? 'step' : undefined}
            className={`rounded px-3 py-1 text-sm ${index === stage ? 'bg-blue-800 font-semibold text-white' : index < stage ? 'bg-slate-300' : 'bg-slate-100'}`}
          >
            {AUDIT_STATUS_LABELS[status]}
          </li>
        ))}
      </ol>
      {audit.status !== 'DRAFT' && can(actor, 'sample.view', NATIONAL) && (
        <p>
          <Link href={`/audits/${audit.id}/sample`} className="btn btn-secondary">
            Sample and assignment
          </Link>
        </p>
      )}
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Purpose</dt>
          <dd className="whitespace-pre-line">{audit.purpose}</dd>
          <dt className="font-medium">Filing window</dt>
          <dd>
            {formatDate(audit.windowFrom)} to {formatDate(audit.windowTo)}
          </dd>
          <dt className="font-medium">Threshold</dt>
          <dd>
            <Link href={`/thresholds/${audit.thresholdVersionId}`}>{audit.thresholdName}</Link>
            {!canChangeThresholdVersion(audit.status) && ' (locked)'}
          </dd>
          <dt className="font-medium">Law types</dt>
          <dd>{audit.lawTypes.map((lawType) => LAW_TYPE_LABELS[lawType]).join(', ')}</dd>
          <dt className="font-medium">Service areas</dt>
          <dd>{audit.serviceAreas.map((area) => area.code).join(', ')}</dd>
          <dt className="font-medium">Targets</dt>
          <dd>
            {audit.goodOrAboveTarget === null && audit.lowestTarget === null
              ? 'None set'
              : [
                  audit.goodOrAboveTarget !== null
                    ? `at least ${audit.goodOrAboveTarget}% Good or above`
                    : null,
                  audit.lowestTarget !== null ? `at most ${audit.lowestTarget}% at the lowest grade` : null,
                ]
                  .filter(Boolean)
                  .join(' and ') + (audit.targetDate ? ` by ${formatDate(audit.targetDate)}` : '')}
          </dd>
          <dt className="font-medium">Challenge window</dt>
          <dd>{audit.challengeWindowDays} working days from a grade’s submission</dd>
          <dt className="font-medium">Compared with</dt>
          <dd>
            {audit.comparedWith ? (
              <Link href={`/audits/${audit.comparedWith.id}`}>{audit.comparedWith.name}</Link>
            ) : (
              'None'
            )}
          </dd>
          <dt className="font-medium">Commissioned by</dt>
          <dd>{audit.commissionedBy?.name ?? 'Not recorded'}</dd>
          <dt className="font-medium">Led by</dt>
          <dd>{audit.lead?.name ?? 'Not recorded'}</dd>
        </dl>
      </section>
      {challenges?.shown === false && <WithheldWhileBenchmarking />}
      {figures && figures.overall.challenged > 0 && (
        <section className="card space-y-3" aria-labelledby="challenge-figures-title">
          <h2 id="challenge-figures-title">Challenges</h2>
          <p>{describeChallengeFigures(figures.overall, levelLabel, lowestLabel)}</p>
          <table className="data-table">
            <caption className="text-left text-sm text-slate-700">
              {challenges?.shown && challenges.serviceAreaId
                ? 'Challenges in your service area'
                : 'Challenges by service area'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col" className="text-right">
                  Challenged
                </th>
                <th scope="col" className="text-right">
                  Upheld
                </th>
                <th scope="col" className="text-right">
                  Re-graded
                </th>
                <th scope="col" className="text-right">
                  Withdrawn
                </th>
                <th scope="col" className="text-right">
                  Referred
                </th>
                <th scope="col" className="text-right">
                  Open
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.byArea.map((row) => (
                <tr key={row.areaCode}>
                  <th scope="row" className="text-left">
                    {row.areaCode}
                  </th>
                  <td className="text-right">{row.figures.challenged}</td>
                  <td className="text-right">{row.figures.upheld}</td>
                  <td className="text-right">{row.figures.regraded}</td>
                  <td className="text-right">{row.figures.withdrawn}</td>
                  <td className="text-right">{row.figures.referred}</td>
                  <td className="text-right">{row.figures.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {canManage && (transitions.length > 0 || audit.status === 'SAMPLING') && (
        <section className="card space-y-3" aria-labelledby="status-title">
          <h2 id="status-title">Status</h2>
          {audit.status === 'SAMPLING' && !audit.sampleLocked && (
            <p>
              Grading starts once the sample is drawn and locked:{' '}
              <Link href={`/audits/${audit.id}/sample`}>go to the sample</Link>.
            </p>
          )}
          <div className="flex flex-wrap gap-4">
            {transitions.map((to) => (
              <ActionForm
                key={to}
                action={transitionAuditAction}
                values={{ auditId: audit.id, version: audit.version, to }}
                submitLabel={transitionLabel(audit.status, to)}
                successMessage={`Moved to ${AUDIT_STATUS_LABELS[to]}.`}
                variant={to === 'PUBLISHED' ? 'danger' : 'secondary'}
                confirm={
                  to === 'PUBLISHED'
                    ? {
                        title: `Publish ${audit.name}?`,
                        body: 'Its grades become final and nothing about the audit can change afterwards.',
                        confirmLabel: 'Yes, publish',
                      }
                    : to === 'SAMPLING'
                      ? {
                          title: 'Start sampling?',
                          body: 'The threshold version is locked from now on.',
                          confirmLabel: 'Yes, start sampling',
                        }
                      : undefined
                }
              />
            ))}
          </div>
        </section>
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
