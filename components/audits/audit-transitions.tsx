import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { transitionAuditAction } from '@/lib/actions/audits';
import { AUDIT_STATUS_LABELS, transitionLabel, type AuditStatus } from '@/lib/domain/audits';

/** Moving the audit on (or back) a stage; publishing and starting sampling ask first, as neither can be undone. */
export function AuditTransitions({
  audit,
  transitions,
}: {
  audit: { id: string; name: string; version: number; status: AuditStatus; sampleLocked: boolean };
  transitions: AuditStatus[];
}) {
  return (
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
  );
}
