import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import type { ActionResult } from '@/lib/actions/result';
import { REVIEW_KIND_LABELS, REVIEW_KINDS } from '@/lib/domain/progress-reviews';

/** Start a progress review of a source: its kind, title and the date it is as of; the reviewer is you. */
export function CreateReviewForm({
  sources,
  selectedSourceId,
  today,
  createAction,
}: {
  sources: { id: string; title: string }[];
  selectedSourceId: string | null;
  today: string;
  createAction: (input: unknown) => Promise<ActionResult<{ reviewId: string }>>;
}) {
  return (
    <ActionForm
      action={createAction}
      submitLabel="Start the review"
      successMessage="Review started."
      redirectTo="/improvement/reviews/{reviewId}"
    >
      <SelectField
        name="sourceId"
        label="Source to review"
        options={sources.map((source) => ({ value: source.id, label: source.title }))}
        defaultValue={selectedSourceId ?? ''}
        placeholder="Choose a source"
      />
      <SelectField
        name="kind"
        label="Kind of review"
        options={REVIEW_KINDS.map((kind) => ({ value: kind, label: REVIEW_KIND_LABELS[kind] }))}
        placeholder="Choose the kind of review"
      />
      <TextField
        name="title"
        label="Title"
        hint="For example: Final post-inspection review, June 2015."
        maxLength={200}
      />
      <TextField
        name="asOf"
        label="As of"
        type="date"
        hint="The evidence is drafted from audits and updates up to this date."
        defaultValue={today}
      />
    </ActionForm>
  );
}
