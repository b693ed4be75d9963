import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { GradingForm } from '@/components/grading/grading-form';
import { ActionForm } from '@/components/ui/action-form';
import { TextAreaField } from '@/components/ui/fields';
import { raiseConcernAction, submitCaseAuditAction } from '@/lib/actions/grading';
import { requireActor } from '@/lib/auth/actor';
import { LAW_TYPE_LABELS } from '@/lib/domain/audits';
import { isEitWorkToFirstHearing } from '@/lib/domain/case-audit-rules';
import { formatDate } from '@/lib/domain/dates';
import { emptyAnswers } from '@/lib/domain/grading';
import { gradesCases } from '@/lib/domain/grading-access';
import { usesLocalForm } from '@/lib/domain/local-indicators';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';
import { getGradingCase } from '@/lib/use-cases/case-audits/get-grading-case';

export const metadata: Metadata = { title: 'Grade a case' };
export const dynamic = 'force-dynamic';

export default async function GradeCasePage({ params }: { params: Promise<{ sampledCaseId: string }> }) {
  const actor = await requireActor();
  if (!gradesCases(actor)) notFound();
  const { sampledCaseId } = await params;
  if (!isUuid(sampledCaseId)) notFound();
  const grading = await getGradingCase(actor, sampledCaseId);
  if (!grading) notFound();
  const open = grading.auditStatus === 'GRADING' || grading.auditStatus === 'REVIEW';
  const submitted = grading.caseAudit?.status === 'SUBMITTED';
  // A Service Manager's cases are their local audits, listed by month on their own queue.
  const queueHref = can(actor, 'queue.view', NATIONAL) ? '/queue' : '/local/queue';
  return (
    <div className="space-y-6">
      <p>
        <Link href={queueHref}>
          {queueHref === '/queue' ? 'Back to my cases' : 'Back to my local audits'}
        </Link>
      </p>
      <div>
        <h1>Case {grading.caseReference}</h1>
        <p className="mt-1 text-slate-700">
          {grading.auditName} · {grading.areaCode} · {LAW_TYPE_LABELS[grading.lawType]}
          {grading.isEit ? ' · Early Intervention' : ''} · {grading.practitionerName}
          {grading.teamName ? `, ${grading.teamName}` : ''}
        </p>
      </div>
      <section className="card" aria-labelledby="documents-title">
        <h2 id="documents-title">Filed documents</h2>
        <ul className="mt-2 list-disc pl-5">
          {grading.documents.map((document, index) => (
            <li key={index}>
              {document.documentType}, filed {formatDate(document.filedOn)}
            </li>
          ))}
        </ul>
      </section>
      {submitted ? (
        <p className="card">
          This case was submitted.{' '}
          <Link href={`/cases/${grading.sampledCaseId}/feedback`}>Open the feedback sheet</Link>.
        </p>
      ) : !open ? (
        <p className="card">
          This audit is not open for grading yet. The audit lead opens grading once the sample is locked and
          assigned.
        </p>
      ) : (
        <GradingForm
          userId={actor.userId}
          recordId={grading.sampledCaseId}
          submitKey="sampledCaseId"
          draftUrl={`/api/case-audits/${grading.sampledCaseId}/draft`}
          doneHref={`/cases/${grading.sampledCaseId}/feedback?submitted=1`}
          content={grading.content}
          isEitWorkToFirstHearing={isEitWorkToFirstHearing(grading)}
          isLocalForm={usesLocalForm(grading.auditKind)}
          initialAnswers={
            grading.caseAudit?.answers ??
            emptyAnswers(grading.content, usesLocalForm(grading.auditKind) ? 'local' : 'national')
          }
          initialVersion={grading.caseAudit?.version ?? 0}
          initialSavedAt={grading.caseAudit?.updatedAt.toISOString() ?? null}
          submissionId={randomUUID()}
          submitAction={submitCaseAuditAction}
        />
      )}
      {can(actor, 'concern.raise', NATIONAL) && (
        <section className="card space-y-3" aria-labelledby="concern-title">
          <h2 id="concern-title">Safeguarding concern</h2>
          <p className="text-sm text-slate-700">
            Independent of the grade. The area’s Head of Service and Assistant Director and the audit lead are
            told at once, and must acknowledge it within 24 hours.
          </p>
          <ActionForm
            action={raiseConcernAction}
            values={{ sampledCaseId: grading.sampledCaseId }}
            submitLabel="Raise safeguarding concern"
            successMessage="Concern raised: the area and the audit lead have been told."
            variant="danger"
            resetOnSuccess
            confirm={{
              title: 'Raise a safeguarding concern?',
              body: 'The area’s leaders and the audit lead are notified immediately.',
              confirmLabel: 'Yes, raise it',
            }}
          >
            <TextAreaField name="description" label="What needs to happen, and why" />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
