'use client';

import { CheckboxGroupField, SelectField, TextAreaField, TextField } from '@/components/ui/fields';
import { LAW_TYPE_LABELS, LAW_TYPES, type LawType } from '@/lib/domain/audits';
import {
  RECOMMENDATION_KIND_LABELS,
  RECOMMENDATION_KINDS,
  type RecommendationKind,
} from '@/lib/domain/improvement';

export type RecommendationDefaults = {
  number: string;
  text: string;
  kind: RecommendationKind;
  serviceAreaIds: string[];
  lawTypes: LawType[];
  ownerId: string | null;
  dueOn: string | null;
};

/** `areas`: the areas a recommendation of this source may name (its own area only, for an area's source). */
export function RecommendationFields({
  areas,
  people,
  defaults,
}: {
  areas: { id: string; code: string }[];
  people: { id: string; name: string }[];
  defaults?: RecommendationDefaults;
}) {
  const scoped = (defaults?.serviceAreaIds.length ?? 0) > 0;
  return (
    <>
      <TextField
        name="number"
        label="Number"
        hint="As the source numbers it, e.g. 13."
        defaultValue={defaults?.number}
        maxLength={20}
      />
      <TextAreaField name="text" label="Recommendation" defaultValue={defaults?.text} rows={3} />
      <SelectField
        name="kind"
        label="Kind"
        options={RECOMMENDATION_KINDS.map((kind) => ({
          value: kind,
          label: RECOMMENDATION_KIND_LABELS[kind],
        }))}
        defaultValue={defaults?.kind ?? 'RECOMMENDATION'}
      />
      <SelectField
        name="scope"
        label="Scope"
        hint="National, or the service areas it applies to (choose them below)."
        options={[
          { value: 'NATIONAL', label: 'National' },
          { value: 'AREAS', label: 'Named service areas' },
        ]}
        defaultValue={scoped ? 'AREAS' : 'NATIONAL'}
      />
      <CheckboxGroupField
        name="serviceAreaIds"
        label="Service areas"
        hint="Only when the scope is named service areas."
        options={areas.map((area) => ({ value: area.id, label: area.code }))}
        defaultValues={defaults?.serviceAreaIds}
        columns
      />
      <CheckboxGroupField
        name="lawTypes"
        label="Law types"
        hint="None chosen: every law type."
        options={LAW_TYPES.map((lawType) => ({ value: lawType, label: LAW_TYPE_LABELS[lawType] }))}
        defaultValues={defaults?.lawTypes}
      />
      <SelectField
        name="ownerId"
        label="Owner"
        required={false}
        options={people.map((person) => ({ value: person.id, label: person.name }))}
        placeholder="No owner yet"
        defaultValue={defaults?.ownerId ?? ''}
      />
      <TextField
        name="dueOn"
        label="Due on"
        type="date"
        required={false}
        defaultValue={defaults?.dueOn ?? ''}
      />
    </>
  );
}
