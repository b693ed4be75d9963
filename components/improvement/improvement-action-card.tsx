import { ActionForm } from '@/components/ui/action-form';
import { CheckboxGroupField, SelectField, TextAreaField, TextField } from '@/components/ui/fields';
import {
  changeImprovementActionStatusAction,
  recordImprovementActionUpdateAction,
  updateImprovementActionAction,
} from '@/lib/actions/improvement-register';
import { formatDate } from '@/lib/domain/dates';
import {
  ACTION_STATUS_LABELS,
  isActionOverdue,
  type ActionStatus,
  type ImprovementActionView,
} from '@/lib/domain/improvement';
import { ActionFields } from './action-fields';
import { ActionHistory } from './action-history';
import { OverdueTag } from './overdue-tag';

const MOVES: ActionStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'];

/** One action: what, who, when, its status, the forms this person may use, and its history. */
export function ImprovementActionCard({
  action,
  index,
  today,
  mayManage,
  mayUpdate,
  people,
  audits,
}: {
  action: ImprovementActionView;
  index: number;
  today: string;
  mayManage: boolean;
  mayUpdate: boolean;
  people: { id: string; name: string }[];
  audits: { id: string; name: string }[];
}) {
  const titleId = `action-${action.id}-title`;
  const historyId = `action-${action.id}-history`;
  const overdue = isActionOverdue(action, today);
  const keys = { actionId: action.id, version: action.version };
  return (
    <article className="card space-y-3" aria-labelledby={titleId}>
      <h3 id={titleId} className="text-base font-semibold">
        Action {index + 1}: {action.description}
      </h3>
      <p className="text-sm">
        <span className="tag">{ACTION_STATUS_LABELS[action.status]}</span> {overdue && <OverdueTag />} Owner:{' '}
        {action.ownerName} · Due {formatDate(action.dueOn)}
        {action.status === 'DROPPED' && action.droppedReason
          ? ` · Dropped because: ${action.droppedReason}`
          : ''}
      </p>
      {mayUpdate && (
        <details>
          <summary className="cursor-pointer font-medium">Record progress on action {index + 1}</summary>
          <ActionForm
            action={recordImprovementActionUpdateAction}
            values={keys}
            submitLabel="Add progress update"
            successMessage="Progress update added."
            className="mt-2 space-y-4"
          >
            <TextAreaField name="text" label="What has happened" rows={3} />
            <CheckboxGroupField
              name="auditIds"
              label="Evidence: audits"
              required={false}
              options={audits.map((audit) => ({ value: audit.id, label: audit.name }))}
            />
            <CheckboxGroupField
              name="reportAuditIds"
              label="Evidence: an audit’s report"
              required={false}
              options={audits.map((audit) => ({ value: audit.id, label: audit.name }))}
            />
            <TextField name="linkLabel" label="Evidence: link label" required={false} maxLength={200} />
            <TextField
              name="linkUrl"
              label="Evidence: link address"
              hint="A web address starting with https://"
              required={false}
              maxLength={2000}
            />
          </ActionForm>
        </details>
      )}
      {mayUpdate && (
        <div className="flex flex-wrap items-end gap-6">
          <ActionForm
            action={changeImprovementActionStatusAction}
            values={keys}
            submitLabel="Change status"
            successMessage="Status changed."
            className="flex flex-wrap items-end gap-3"
          >
            <SelectField
              name="status"
              label={`New status for action ${index + 1}`}
              options={MOVES.filter((status) => status !== action.status).map((status) => ({
                value: status,
                label: ACTION_STATUS_LABELS[status],
              }))}
            />
          </ActionForm>
          {action.status !== 'DROPPED' && (
            <details>
              <summary className="cursor-pointer font-medium">Drop action {index + 1}</summary>
              <ActionForm
                action={changeImprovementActionStatusAction}
                values={{ ...keys, status: 'DROPPED' }}
                submitLabel="Drop this action"
                successMessage="Action dropped."
                variant="danger"
                className="mt-2 space-y-3"
                confirm={{
                  title: `Drop action ${index + 1}?`,
                  body: 'It stays in the register, marked dropped with your reason, and its history is kept.',
                  confirmLabel: 'Yes, drop it',
                }}
              >
                <TextAreaField name="droppedReason" label="Why it is dropped" rows={2} />
              </ActionForm>
            </details>
          )}
        </div>
      )}
      {mayManage && (
        <details>
          <summary className="cursor-pointer font-medium">Edit action {index + 1}</summary>
          <ActionForm
            action={updateImprovementActionAction}
            values={keys}
            submitLabel="Save action"
            successMessage="Action saved."
            className="mt-2 space-y-4"
          >
            <ActionFields
              people={people}
              defaults={{ description: action.description, ownerId: action.ownerId, dueOn: action.dueOn }}
            />
          </ActionForm>
        </details>
      )}
      <section aria-labelledby={historyId}>
        <h4 id={historyId} className="font-semibold">
          History of action {index + 1}
        </h4>
        <ActionHistory history={action.history} headingId={historyId} />
      </section>
    </article>
  );
}
