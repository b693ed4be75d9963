import { SelectField, TextField } from '@/components/ui/fields';
import { EMPLOYMENTS, EMPLOYMENT_LABELS } from '@/lib/domain/roles';

export function PractitionerFields(props: {
  teams: { id: string; name: string; serviceAreaCode: string }[];
  managers: { id: string; name: string }[];
  defaults?: {
    name: string;
    teamId: string;
    employment: string;
    performanceBand: string | null;
    managerId: string | null;
  };
}) {
  return (
    <>
      <TextField name="name" label="Full name" defaultValue={props.defaults?.name} />
      <SelectField
        name="teamId"
        label="Team"
        options={props.teams.map((team) => ({
          value: team.id,
          label: `${team.serviceAreaCode} · ${team.name}`,
        }))}
        placeholder="Choose a team"
        defaultValue={props.defaults?.teamId}
      />
      <SelectField
        name="employment"
        label="Employment"
        options={EMPLOYMENTS.map((value) => ({ value, label: EMPLOYMENT_LABELS[value] }))}
        defaultValue={props.defaults?.employment ?? 'EMPLOYED'}
      />
      <TextField
        name="performanceBand"
        label="Performance band"
        required={false}
        hint="As in the area’s performance matrix, for example 1 to 4."
        defaultValue={props.defaults?.performanceBand ?? ''}
      />
      <SelectField
        name="managerId"
        label="Manager"
        required={false}
        options={props.managers.map((manager) => ({ value: manager.id, label: manager.name }))}
        placeholder="Not recorded"
        defaultValue={props.defaults?.managerId ?? ''}
      />
    </>
  );
}
