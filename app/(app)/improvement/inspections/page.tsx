import type { Metadata } from 'next';
import { ActionForm } from '@/components/ui/action-form';
import { InspectionJudgementsTable } from '@/components/improvement/inspection-judgements-table';
import { SelectField, TextAreaField, TextField } from '@/components/ui/fields';
import { recordInspectionJudgementAction } from '@/lib/actions/improvement-inspections';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { INSPECTION_GRADE_LABELS, INSPECTION_GRADES } from '@/lib/domain/inspection';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { findInspectionJudgements } from '@/lib/use-cases/improvement/find-inspection-judgements';

export const metadata: Metadata = { title: 'Inspection judgements' };
export const dynamic = 'force-dynamic';

export default async function InspectionJudgementsPage() {
  const actor = await requireActor();
  const judgements = await findInspectionJudgements(actor, null);
  const mayRecord = can(actor, 'inspectionJudgement.record', NATIONAL);
  const areas = mayRecord ? await findServiceAreaOptions() : [];
  const disagreements = judgements.filter((judgement) => judgement.disagreement !== null).length;
  return (
    <div className="space-y-8">
      <div>
        <h1>Inspection judgements</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Each area’s inspection judgement beside what the area’s latest national audit before that date
          found. A judgement of good or outstanding beside an audit that missed a target, or one below good
          beside an audit that met both, is flagged for a closer look.
        </p>
      </div>
      <InspectionJudgementsTable
        judgements={judgements}
        caption={`${judgements.length} judgement${judgements.length === 1 ? '' : 's'} · ${disagreements} where the inspection and the audit disagree`}
      />
      {mayRecord && (
        <section className="card max-w-2xl" aria-labelledby="record-judgement">
          <h2 id="record-judgement">Record a judgement</h2>
          <ActionForm
            action={recordInspectionJudgementAction}
            submitLabel="Record judgement"
            successMessage="Judgement recorded."
            resetOnSuccess
            className="mt-4 space-y-4"
          >
            <SelectField
              name="serviceAreaId"
              label="Service area"
              placeholder="Choose an area"
              options={areas.map((area) => ({ value: area.id, label: area.name }))}
            />
            <TextField name="judgedOn" label="Date of the judgement" type="date" />
            <SelectField
              name="grade"
              label="Judgement"
              placeholder="Choose the judgement"
              options={INSPECTION_GRADES.map((grade) => ({
                value: grade,
                label: INSPECTION_GRADE_LABELS[grade],
              }))}
            />
            <TextField name="inspectedBy" label="Inspected by" hint="For example: Ofsted" maxLength={120} />
            <TextAreaField name="note" label="Note" required={false} rows={3} />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
