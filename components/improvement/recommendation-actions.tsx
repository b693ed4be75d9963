import { ActionForm } from '@/components/ui/action-form';
import { createImprovementActionAction } from '@/lib/actions/improvement-register';
import type { ImprovementActionView } from '@/lib/domain/improvement';
import { ActionFields } from './action-fields';
import { ImprovementActionCard } from './improvement-action-card';

/** The actions under a recommendation, each with its history; adding one for those who manage it. */
export function RecommendationActions(props: {
  recommendationId: string;
  actions: ImprovementActionView[];
  today: string;
  mayManage: boolean;
  mayUpdate: boolean;
  people: { id: string; name: string }[];
  audits: { id: string; name: string }[];
}) {
  return (
    <section aria-labelledby="actions-title" className="space-y-4">
      <h2 id="actions-title">Actions</h2>
      {props.actions.length === 0 && (
        <p>
          {props.mayManage
            ? 'No actions yet. Add the first below.'
            : 'No actions have been set for this recommendation yet.'}
        </p>
      )}
      {props.actions.map((action, index) => (
        <ImprovementActionCard
          key={action.id}
          action={action}
          index={index}
          today={props.today}
          mayManage={props.mayManage}
          mayUpdate={props.mayUpdate}
          people={props.people}
          audits={props.audits}
        />
      ))}
      {props.mayManage && (
        <section className="card" aria-labelledby="add-action-title">
          <h3 id="add-action-title" className="text-base font-semibold">
            Add an action
          </h3>
          <ActionForm
            action={createImprovementActionAction}
            values={{ recommendationId: props.recommendationId }}
            submitLabel="Add action"
            successMessage="Action added."
            resetOnSuccess
          >
            <ActionFields people={props.people} />
          </ActionForm>
        </section>
      )}
    </section>
  );
}
