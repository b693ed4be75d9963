'use client';

import { SelectField, TextField } from '@/components/ui/fields';
import {
  JUDGEMENT_SCALE_LABELS,
  JUDGEMENT_SCALES,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  type JudgementScale,
  type SourceKind,
} from '@/lib/domain/improvement';

export type SourceDefaults = {
  title: string;
  kind: SourceKind;
  issuedBy: string;
  issuedOn: string;
  document: string;
  scale: JudgementScale;
  serviceAreaId: string | null;
  auditId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
};

/**
 * A source's fields. `areas` are the areas this person may put a source in:
 * every area for the national leads (who may also leave it national), or
 * their own area alone for a Head of Service.
 */
export function SourceFields({
  areas,
  mayBeNational,
  audits,
  defaults,
}: {
  areas: { id: string; code: string }[];
  mayBeNational: boolean;
  audits: { id: string; name: string }[];
  defaults?: SourceDefaults;
}) {
  return (
    <>
      <TextField
        name="title"
        label="Title"
        hint="As the document names it, e.g. “Ofsted inspection, March 2014: action plan”."
        defaultValue={defaults?.title}
        maxLength={200}
      />
      <SelectField
        name="kind"
        label="Kind of source"
        options={SOURCE_KINDS.map((kind) => ({ value: kind, label: SOURCE_KIND_LABELS[kind] }))}
        defaultValue={defaults?.kind ?? (mayBeNational ? 'INSPECTION' : 'AREA_IMPROVEMENT_PLAN')}
      />
      <TextField
        name="issuedBy"
        label="Issued by"
        hint="e.g. Ofsted, or the service itself."
        defaultValue={defaults?.issuedBy}
        maxLength={200}
      />
      <TextField name="issuedOn" label="Issued on" type="date" defaultValue={defaults?.issuedOn} />
      <TextField
        name="document"
        label="Document reference"
        required={false}
        hint="A reference or address where the document can be found."
        defaultValue={defaults?.document}
        maxLength={500}
      />
      <SelectField
        name="scale"
        label="Progress is judged on"
        options={JUDGEMENT_SCALES.map((scale) => ({ value: scale, label: JUDGEMENT_SCALE_LABELS[scale] }))}
        defaultValue={defaults?.scale ?? 'MET_ONGOING'}
      />
      <SelectField
        name="serviceAreaId"
        label="Service area"
        hint={
          mayBeNational
            ? 'Leave national unless it is one area’s own, such as its improvement plan.'
            : undefined
        }
        options={areas.map((area) => ({ value: area.id, label: area.code }))}
        placeholder={mayBeNational ? 'National' : undefined}
        defaultValue={defaults?.serviceAreaId ?? (mayBeNational ? '' : areas[0]?.id)}
      />
      <SelectField
        name="auditId"
        label="Audit"
        required={false}
        hint="For an audit’s key learning, the audit; for an improvement plan, its baseline audit."
        options={audits.map((audit) => ({ value: audit.id, label: audit.name }))}
        placeholder="None"
        defaultValue={defaults?.auditId ?? ''}
      />
      <TextField
        name="periodFrom"
        label="Period from"
        type="date"
        required={false}
        defaultValue={defaults?.periodFrom ?? ''}
      />
      <TextField
        name="periodTo"
        label="Period to"
        type="date"
        required={false}
        defaultValue={defaults?.periodTo ?? ''}
      />
    </>
  );
}
