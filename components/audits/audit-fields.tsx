import { CheckboxGroupField, SelectField, TextAreaField, TextField } from '@/components/ui/fields';
import { AUDIT_KINDS, AUDIT_KIND_LABELS, LAW_TYPES, LAW_TYPE_LABELS } from '@/lib/domain/audits';

export type AuditFormOptions = {
  thresholdVersions: { id: string; name: string }[];
  serviceAreas: { id: string; code: string }[];
  audits: { id: string; name: string }[];
  directors: { id: string; name: string }[];
  leads: { id: string; name: string }[];
};

export type AuditFormDefaults = {
  name: string;
  kind: string;
  purpose: string;
  windowFrom: string;
  windowTo: string;
  thresholdVersionId: string;
  lawTypes: string[];
  serviceAreaIds: string[];
  goodOrAboveTarget: number | null;
  lowestTarget: number | null;
  targetDate: string | null;
  comparedWithId: string | null;
  commissionedById: string | null;
  leadId: string | null;
  challengeWindowDays: number;
};

export function AuditFields({
  options,
  defaults,
  thresholdLocked,
}: {
  options: AuditFormOptions;
  defaults?: AuditFormDefaults;
  thresholdLocked?: boolean;
}) {
  return (
    <>
      <TextField
        name="name"
        label="Name"
        hint="Unique, for example “National Audit November 2014”."
        defaultValue={defaults?.name}
      />
      <SelectField
        name="kind"
        label="Kind of audit"
        options={AUDIT_KINDS.map((kind) => ({ value: kind, label: AUDIT_KIND_LABELS[kind] }))}
        placeholder="Choose a kind"
        defaultValue={defaults?.kind}
      />
      <TextAreaField name="purpose" label="Purpose" defaultValue={defaults?.purpose} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="windowFrom"
          type="date"
          label="Documents filed from"
          defaultValue={defaults?.windowFrom}
        />
        <TextField name="windowTo" type="date" label="Documents filed to" defaultValue={defaults?.windowTo} />
      </div>
      {thresholdLocked ? (
        <>
          <input type="hidden" name="thresholdVersionId" value={defaults?.thresholdVersionId} />
          <p>
            <span className="font-medium">Threshold version:</span>{' '}
            {options.thresholdVersions.find((version) => version.id === defaults?.thresholdVersionId)?.name ??
              '—'}{' '}
            (locked: sampling has started)
          </p>
        </>
      ) : (
        <SelectField
          name="thresholdVersionId"
          label="Threshold version"
          hint="Only published versions can be used. It is locked once sampling starts."
          options={options.thresholdVersions.map((version) => ({ value: version.id, label: version.name }))}
          placeholder="Choose a version"
          defaultValue={defaults?.thresholdVersionId}
        />
      )}
      <CheckboxGroupField
        name="lawTypes"
        label="Law types in scope"
        options={LAW_TYPES.map((lawType) => ({ value: lawType, label: LAW_TYPE_LABELS[lawType] }))}
        defaultValues={defaults?.lawTypes ?? [...LAW_TYPES]}
      />
      <CheckboxGroupField
        name="serviceAreaIds"
        label="Service areas in scope"
        options={options.serviceAreas.map((area) => ({ value: area.id, label: area.code }))}
        defaultValues={defaults?.serviceAreaIds ?? options.serviceAreas.map((area) => area.id)}
        columns
      />
      <fieldset className="space-y-3">
        <legend className="font-medium">Targets</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            name="goodOrAboveTarget"
            type="number"
            label="At least this % Good or above"
            required={false}
            defaultValue={defaults?.goodOrAboveTarget?.toString() ?? ''}
          />
          <TextField
            name="lowestTarget"
            type="number"
            label="At most this % at the lowest grade"
            required={false}
            defaultValue={defaults?.lowestTarget?.toString() ?? ''}
          />
          <TextField
            name="targetDate"
            type="date"
            label="Targets due by"
            required={false}
            defaultValue={defaults?.targetDate ?? ''}
          />
        </div>
      </fieldset>
      <TextField
        name="challengeWindowDays"
        type="number"
        label="Challenge window (working days)"
        hint="How long after a grade is submitted a Head of Service or Assistant Director may challenge it."
        defaultValue={String(defaults?.challengeWindowDays ?? 10)}
      />
      <SelectField
        name="comparedWithId"
        label="Compared with the earlier audit"
        required={false}
        options={options.audits.map((audit) => ({ value: audit.id, label: audit.name }))}
        placeholder="None"
        defaultValue={defaults?.comparedWithId ?? ''}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="commissionedById"
          label="Commissioned by"
          required={false}
          options={options.directors.map((person) => ({ value: person.id, label: person.name }))}
          placeholder="Not recorded"
          defaultValue={defaults?.commissionedById ?? ''}
        />
        <SelectField
          name="leadId"
          label="Led by"
          required={false}
          options={options.leads.map((person) => ({ value: person.id, label: person.name }))}
          placeholder="Not recorded"
          defaultValue={defaults?.leadId ?? ''}
        />
      </div>
    </>
  );
}
