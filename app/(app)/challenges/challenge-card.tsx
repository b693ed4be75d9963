import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextAreaField } from '@/components/ui/fields';
import {
  adjudicateChallengeAction,
  decideChallengeAction,
  referChallengeAction,
  replyToChallengeAction,
  withdrawChallengeAction,
} from '@/lib/actions/challenges';
import type { Actor } from '@/lib/domain/actor';
import {
  ADJUDICATION_LABELS,
  ADJUDICATIONS,
  CHALLENGE_STATUS_LABELS,
  DECISION_LABELS,
  DECISIONS,
  NEXT_STEP_OWNER_LABELS,
  type ChallengeView,
  type NextStepOwner,
} from '@/lib/domain/challenges';
import { can, inArea } from '@/lib/domain/permissions';

const when = (date: Date) =>
  date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/** One challenge with the steps the person may take on it: on the list and on its own page. */
export function ChallengeCard({ challenge, actor }: { challenge: ChallengeView; actor: Actor }) {
  const label = (key: string | null) =>
    challenge.content.scale.levels.find((level) => level.key === key)?.label ?? key ?? '—';
  const sections = challenge.disputedSections
    .map((key) => challenge.content.sections.find((section) => section.key === key)?.title ?? key)
    .join(', ');
  const isAuditor = actor.userId === challenge.auditorId;
  const gradeOptions = challenge.content.scale.levels
    .filter((level) => level.key !== challenge.currentGrade)
    .map((level) => ({ value: level.key, label: level.label }));
  return (
    <article
      id={`challenge-${challenge.id}`}
      className={`card space-y-3 ${challenge.overdue ? 'border-2 border-red-800' : ''}`}
      aria-labelledby={`challenge-${challenge.id}-title`}
    >
      <h2 id={`challenge-${challenge.id}-title`} className="text-lg">
        Case {challenge.caseReference} · {challenge.areaCode} · {CHALLENGE_STATUS_LABELS[challenge.status]}
      </h2>
      <p className="text-sm text-slate-700">
        {challenge.auditName} · raised by {challenge.raisedBy} on {when(challenge.raisedAt)} · grade{' '}
        {label(challenge.originalGrade)}
        {challenge.currentGrade !== challenge.originalGrade ? `, now ${label(challenge.currentGrade)}` : ''}
      </p>
      {challenge.nextStep && (
        <p className={challenge.overdue ? 'font-semibold text-red-800' : ''}>
          Next: {NEXT_STEP_OWNER_LABELS[challenge.nextStep.owner as NextStepOwner]}, by{' '}
          {when(challenge.nextStep.dueBy)}
          {challenge.overdue ? ' (overdue)' : ''}
        </p>
      )}
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Disputed</dt>
        <dd>{sections}</dd>
        <dt className="font-medium">Proposed grade</dt>
        <dd>{label(challenge.proposedGrade)}</dd>
        <dt className="font-medium">Reasons</dt>
        <dd className="whitespace-pre-line">{challenge.reasons}</dd>
        {challenge.reply && (
          <>
            <dt className="font-medium">Auditor’s reply</dt>
            <dd className="whitespace-pre-line">{challenge.reply}</dd>
          </>
        )}
        {challenge.decision && (
          <>
            <dt className="font-medium">Audit lead’s decision</dt>
            <dd>
              {DECISION_LABELS[challenge.decision as keyof typeof DECISION_LABELS]}:{' '}
              {challenge.decisionReasons}
            </dd>
          </>
        )}
        {challenge.referred && !challenge.adjudication && (
          <>
            <dt className="font-medium">Referred</dt>
            <dd>To the National Service Director for adjudication</dd>
          </>
        )}
        {challenge.adjudication && (
          <>
            <dt className="font-medium">Adjudication (final)</dt>
            <dd>
              {ADJUDICATION_LABELS[challenge.adjudication as keyof typeof ADJUDICATION_LABELS]}:{' '}
              {challenge.adjudicationReasons}
            </dd>
          </>
        )}
      </dl>
      {challenge.status === 'AWAITING_REPLY' && isAuditor && can(actor, 'challenge.reply', inArea('*')) && (
        <ActionForm
          action={replyToChallengeAction}
          values={{ challengeId: challenge.id, version: challenge.version }}
          submitLabel={`Send reply on ${challenge.caseReference}`}
          successMessage="Reply sent."
          className="space-y-2"
        >
          <TextAreaField name="reply" label={`Your reply on ${challenge.caseReference}`} />
        </ActionForm>
      )}
      {challenge.status === 'AWAITING_DECISION' &&
        !isAuditor &&
        can(actor, 'challenge.decide', inArea('*')) && (
          <div className="space-y-4">
            <ActionForm
              action={decideChallengeAction}
              values={{ challengeId: challenge.id, version: challenge.version }}
              submitLabel={`Record decision on ${challenge.caseReference}`}
              successMessage="Decision recorded."
              className="space-y-2"
            >
              <SelectField
                name="decision"
                label={`Decision on ${challenge.caseReference}`}
                options={DECISIONS.map((decision) => ({
                  value: decision,
                  label: DECISION_LABELS[decision],
                }))}
                placeholder="Choose"
              />
              <SelectField
                name="newGrade"
                label="New grade (when re-grading)"
                required={false}
                options={gradeOptions}
                placeholder="None"
              />
              <TextAreaField name="reasons" label="Reasons for the decision" />
            </ActionForm>
            <ActionForm
              action={referChallengeAction}
              values={{ challengeId: challenge.id, version: challenge.version }}
              submitLabel={`Refer ${challenge.caseReference} to the National Service Director`}
              successMessage="Referred."
              variant="secondary"
              confirm={{
                title: 'Refer for adjudication?',
                body: 'The National Service Director’s adjudication is final.',
                confirmLabel: 'Yes, refer',
              }}
            />
          </div>
        )}
      {challenge.status === 'REFERRED' && can(actor, 'challenge.adjudicate', inArea('*')) && (
        <ActionForm
          action={adjudicateChallengeAction}
          values={{ challengeId: challenge.id, version: challenge.version }}
          submitLabel={`Record adjudication on ${challenge.caseReference}`}
          successMessage="Adjudication recorded."
          className="space-y-2"
        >
          <SelectField
            name="adjudication"
            label={`Adjudication on ${challenge.caseReference}`}
            options={ADJUDICATIONS.map((value) => ({ value, label: ADJUDICATION_LABELS[value] }))}
            placeholder="Choose"
          />
          <SelectField
            name="newGrade"
            label="New grade (when re-grading)"
            required={false}
            options={gradeOptions}
            placeholder="None"
          />
          <TextAreaField name="reasons" label="Reasons for the adjudication" />
        </ActionForm>
      )}
      {(challenge.status === 'AWAITING_REPLY' || challenge.status === 'AWAITING_DECISION') &&
        challenge.raisedById === actor.userId && (
          <ActionForm
            action={withdrawChallengeAction}
            values={{ challengeId: challenge.id, version: challenge.version }}
            submitLabel={`Withdraw challenge on ${challenge.caseReference}`}
            successMessage="Withdrawn."
            variant="secondary"
            confirm={{
              title: 'Withdraw this challenge?',
              body: 'The grade stands.',
              confirmLabel: 'Yes, withdraw',
            }}
          />
        )}
    </article>
  );
}
