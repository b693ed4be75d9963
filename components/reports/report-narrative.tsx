import { ActionForm } from '@/components/ui/action-form';
import { TextAreaField } from '@/components/ui/fields';
import { saveReportNarrativeAction } from '@/lib/actions/reports';
import type { AuditReport } from '@/lib/domain/report-view';

const PARTS = [
  ['strengths', 'Strengths', 5],
  ['learning', 'Key learning and recommendations', 5],
  ['conclusion', 'Conclusion', 4],
  ['nextSteps', 'Next steps', 4],
] as const;

/**
 * The written part of the report. Whoever may write it edits it here; the
 * printed report (and everyone else) reads the saved text.
 */
export function ReportNarrative({
  auditId,
  narrative,
  canWrite,
}: {
  auditId: string;
  narrative: AuditReport['narrative'];
  canWrite: boolean;
}) {
  return (
    <section aria-labelledby="narrative" className="space-y-4 break-before-page">
      <h2 id="narrative">Strengths, learning, conclusion and next steps</h2>
      {canWrite ? (
        <ActionForm
          action={saveReportNarrativeAction}
          values={{ auditId, baseVersion: narrative.version }}
          submitLabel="Save the narrative"
          successMessage="Saved with the report."
          className="space-y-4 print:hidden"
        >
          {PARTS.map(([name, label, rows]) => (
            <TextAreaField key={name} name={name} label={label} rows={rows} defaultValue={narrative[name]} />
          ))}
        </ActionForm>
      ) : null}
      <div className={canWrite ? 'hidden print:block' : 'space-y-4'}>
        {PARTS.map(([name, title]) => (
          <div key={name}>
            <h3>{title}</h3>
            <p className="whitespace-pre-line">{narrative[name] || 'Not written yet.'}</p>
          </div>
        ))}
      </div>
      {narrative.updatedAt && (
        <p className="text-sm text-slate-700">
          Last saved {narrative.updatedAt.toLocaleString('en-GB', { timeZone: 'UTC' })} UTC
          {narrative.updatedBy ? ` by ${narrative.updatedBy}` : ''}.
        </p>
      )}
    </section>
  );
}
