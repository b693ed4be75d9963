'use client';

import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextAreaField, TextField } from '@/components/ui/fields';
import {
  OBSERVATION_CRITERIA,
  OBSERVATION_JUDGEMENT_LABELS,
  OBSERVATION_JUDGEMENTS,
  OBSERVATION_SETTING_LABELS,
  OBSERVATION_SETTINGS,
  type ObservationAnswers,
  type ObservationSetting,
} from '@/lib/domain/observation';
import type { ActionResult } from '@/lib/actions/result';
import { RadioGroupField } from './radio-group-field';

type Existing = {
  observationId: string;
  version: number;
  observedOn: string;
  setting: ObservationSetting;
  answers: ObservationAnswers;
  feedback: string;
};

const SETTING_OPTIONS = OBSERVATION_SETTINGS.map((value) => ({
  value,
  label: OBSERVATION_SETTING_LABELS[value],
}));
const JUDGEMENT_OPTIONS = OBSERVATION_JUDGEMENTS.map((value) => ({
  value,
  label: OBSERVATION_JUDGEMENT_LABELS[value],
}));

/**
 * Recording an observation (who, when, where, the rubric, the feedback), or
 * amending one's own: the same fields, so the two cannot drift.
 */
export function ObservationForm(
  props:
    | {
        mode: 'record';
        practitioners: { id: string; label: string }[];
        today: string;
        action: (input: unknown) => Promise<ActionResult<{ observationId: string }>>;
      }
    | {
        mode: 'amend';
        existing: Existing;
        action: (input: unknown) => Promise<ActionResult<{ version: number }>>;
      },
) {
  const existing = props.mode === 'amend' ? props.existing : null;
  return (
    <ActionForm
      action={props.action}
      values={existing ? { observationId: existing.observationId, version: existing.version } : undefined}
      submitLabel={existing ? 'Save changes' : 'Record observation'}
      successMessage={existing ? 'Changes saved.' : 'Observation recorded.'}
      redirectTo={existing ? undefined : '/local/observations/{observationId}?recorded=1'}
      className="space-y-5"
    >
      {props.mode === 'record' && (
        <SelectField
          name="practitionerId"
          label="Practitioner observed"
          placeholder="Choose a practitioner"
          options={props.practitioners.map((practitioner) => ({
            value: practitioner.id,
            label: practitioner.label,
          }))}
        />
      )}
      <TextField
        name="observedOn"
        label="Date of the observation"
        type="date"
        defaultValue={existing?.observedOn ?? (props.mode === 'record' ? props.today : undefined)}
      />
      <RadioGroupField
        name="setting"
        label="What was observed"
        options={SETTING_OPTIONS}
        defaultValue={existing?.setting}
      />
      <fieldset className="space-y-4 border-t border-slate-200 pt-4">
        <legend className="text-lg font-semibold">Observation rubric</legend>
        {OBSERVATION_CRITERIA.map((criterion) => (
          <RadioGroupField
            key={criterion.key}
            name={criterion.key}
            label={criterion.label}
            hint={criterion.hint}
            options={JUDGEMENT_OPTIONS}
            defaultValue={existing?.answers[criterion.key] ?? undefined}
          />
        ))}
      </fieldset>
      <TextAreaField
        name="feedback"
        label="Feedback given to the practitioner"
        hint="What went well and what to develop, as you shared it with them."
        rows={5}
        defaultValue={existing?.feedback}
      />
    </ActionForm>
  );
}
