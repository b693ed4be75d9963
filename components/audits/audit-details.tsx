import Link from 'next/link';
import {
  AUDIT_STATUSES,
  AUDIT_STATUS_LABELS,
  canChangeThresholdVersion,
  LAW_TYPE_LABELS,
  type AuditStatus,
  type LawType,
} from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';

/** The audit's stages in order, the current one marked. */
export function AuditStages({ status }: { status: AuditStatus }) {
  const stage = AUDIT_STATUSES.indexOf(status);
  return (
    <ol aria-label="Audit stages" className="flex flex-wrap gap-2">
      {AUDIT_STATUSES.map((each, index) => (
        <li
          key={each}
          aria-current={index === stage ? 'step' : undefined}
          className={`rounded px-3 py-1 text-sm ${index === stage ? 'bg-blue-800 font-semibold text-white' : index < stage ? 'bg-slate-300' : 'bg-slate-100'}`}
        >
          {AUDIT_STATUS_LABELS[each]}
        </li>
      ))}
    </ol>
  );
}

export type AuditDetailsView = {
  status: AuditStatus;
  purpose: string;
  windowFrom: string;
  windowTo: string;
  thresholdVersionId: string;
  thresholdName: string;
  lawTypes: LawType[];
  serviceAreas: { code: string }[];
  goodOrAboveTarget: number | null;
  lowestTarget: number | null;
  targetDate: string | null;
  challengeWindowDays: number;
  comparedWith: { id: string; name: string } | null;
  commissionedBy: { name: string } | null;
  lead: { name: string } | null;
};

function describeTargets(audit: AuditDetailsView): string {
  if (audit.goodOrAboveTarget === null && audit.lowestTarget === null) return 'None set';
  return (
    [
      audit.goodOrAboveTarget !== null ? `at least ${audit.goodOrAboveTarget}% Good or above` : null,
      audit.lowestTarget !== null ? `at most ${audit.lowestTarget}% at the lowest grade` : null,
    ]
      .filter(Boolean)
      .join(' and ') + (audit.targetDate ? ` by ${formatDate(audit.targetDate)}` : '')
  );
}

/** What the audit is: purpose, window, threshold, scope, targets and who is behind it. */
export function AuditDetails({ audit }: { audit: AuditDetailsView }) {
  return (
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
        <dd>{describeTargets(audit)}</dd>
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
  );
}
