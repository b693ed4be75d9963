'use client';

import { SelectField, TextAreaField, TextField } from '@/components/ui/fields';

export function ActionFields({
  people,
  defaults,
}: {
  people: { id: string; name: string }[];
  defaults?: { description: string; ownerId: string; dueOn: string };
}) {
  return (
    <>
      <TextAreaField
        name="description"
        label="What will be done"
        defaultValue={defaults?.description}
        rows={2}
      />
      <SelectField
        name="ownerId"
        label="Owner"
        options={people.map((person) => ({ value: person.id, label: person.name }))}
        placeholder="Choose the owner"
        defaultValue={defaults?.ownerId ?? ''}
      />
      <TextField name="dueOn" label="Due on" type="date" defaultValue={defaults?.dueOn} />
    </>
  );
}
