'use client';

import { useState } from 'react';
import { CheckboxGroupField, SelectField, TextField } from '@/components/ui/fields';
import { AUDIT_KINDS, AUDIT_KIND_LABELS, LAW_TYPES, LAW_TYPE_LABELS } from '@/lib/domain/audits';
import {
  EMPLOYMENTS,
  EMPLOYMENT_LABELS,
  MEASURE_SHARE_LABELS,
  MEASURE_SHARES,
  TARGET_DIRECTIONS,
  TARGET_DIRECTION_LABELS,
} from '@/lib/domain/measures';
import type { MeasureForm } from '@/lib/domain/measure-views';

/**
 * A measure's fields. The sections offered are those of the chosen baseline
 * audit's threshold version, so they follow the baseline as it changes.
 */
export function MeasureFields({ form }: { form: MeasureForm }) {
  const measure = form.measure;
  const [baselineId, setBaselineId] = useState(measure?.baselineAuditId ?? '');
  const sections = form.baselines.find((baseline) => baseline.id === baselineId)?.sections ?? [];
  return (
    <div
      className="space-y-4"
      onChange={(event) => {
        const target = event.target;
        if (target instanceof HTMLSelectElement && target.name === 'baselineAuditId')
          setBaselineId(target.value);
      }}
    >
      <TextField
        name="label"
        label="Name of the measure"
        hint="As people will say it, for example “% Good, Private Law WAFH, A5”."
        defaultValue={measure?.label}
        maxLength={200}
      />
      <SelectField
        name="baselineAuditId"
        label="Baseline audit"
        hint="The published audit the change is measured from."
        required={false}
        options={form.baselines.map((baseline) => ({ value: baseline.id, label: baseline.name }))}
        placeholder="No baseline: measure from the first audit"
        defaultValue={measure?.baselineAuditId ?? ''}
      />
      <SelectField
        key={baselineId}
        name="sectionKey"
        label="Grade measured"
        hint={
          baselineId
            ? 'The overall grade, or one section of the baseline audit’s threshold version.'
            : 'Choose a baseline audit to measure one section’s grade.'
        }
        required={false}
        options={sections.map((section) => ({ value: section.key, label: `Section: ${section.title}` }))}
        placeholder="Overall grade"
        defaultValue={
          sections.some((section) => section.key === measure?.sectionKey) ? (measure?.sectionKey ?? '') : ''
        }
      />
      <SelectField
        name="share"
        label="Share of cases counted"
        options={MEASURE_SHARES.map((share) => ({
          value: share,
          label:
            share === 'GOOD_OR_ABOVE'
              ? 'Good or above (the top grades)'
              : 'The lowest grade (Not Met, Inadequate)',
        }))}
        defaultValue={measure?.share ?? 'GOOD_OR_ABOVE'}
      />
      <fieldset className="space-y-3">
        <legend className="font-medium">Target</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="targetDirection"
            label="Direction"
            options={TARGET_DIRECTIONS.map((direction) => ({
              value: direction,
              label: TARGET_DIRECTION_LABELS[direction],
            }))}
            defaultValue={measure?.targetDirection ?? 'AT_LEAST'}
          />
          <TextField
            name="targetPercent"
            type="number"
            label="Target %"
            required={false}
            defaultValue={measure?.targetPercent?.toString() ?? ''}
          />
        </div>
      </fieldset>
      <p className="text-sm text-slate-700">
        Filters: leave a group empty to count every case. {MEASURE_SHARE_LABELS.GOOD_OR_ABOVE} and the lowest
        grade follow each audit’s own grade scale.
      </p>
      <CheckboxGroupField
        name="auditKinds"
        label="Kinds of audit"
        required={false}
        options={AUDIT_KINDS.map((kind) => ({ value: kind, label: AUDIT_KIND_LABELS[kind] }))}
        defaultValues={measure?.auditKinds ?? ['NATIONAL_PRACTICE_QUALITY', 'THEMATIC']}
      />
      <CheckboxGroupField
        name="lawTypes"
        label="Law types"
        required={false}
        options={LAW_TYPES.map((lawType) => ({ value: lawType, label: LAW_TYPE_LABELS[lawType] }))}
        defaultValues={measure?.lawTypes ?? []}
      />
      <CheckboxGroupField
        name="serviceAreaIds"
        label="Service areas"
        hint={
          form.recommendation.areaScoped
            ? 'This recommendation belongs to one area: its measures count that area’s cases.'
            : undefined
        }
        required={false}
        options={form.serviceAreas.map((area) => ({ value: area.id, label: area.code }))}
        defaultValues={
          measure?.serviceAreaIds ??
          (form.recommendation.areaScoped ? form.serviceAreas.map((area) => area.id) : [])
        }
        columns
      />
      <CheckboxGroupField
        name="teamIds"
        label="Teams"
        required={false}
        options={form.teams.map((team) => ({ value: team.id, label: team.name }))}
        defaultValues={measure?.teamIds ?? []}
        columns
      />
      <SelectField
        name="employment"
        label="Staff"
        required={false}
        options={EMPLOYMENTS.map((employment) => ({
          value: employment,
          label: `Only ${EMPLOYMENT_LABELS[employment]}`,
        }))}
        placeholder="All staff"
        defaultValue={measure?.employment ?? ''}
      />
    </div>
  );
}
