import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { drawSampleAction } from '@/lib/actions/sampling';

/** Drawing (or, until it is locked, redrawing) the sample: only while the audit is at its Sampling stage. */
export function DrawSample({
  auditId,
  auditName,
  isSampling,
  sample,
}: {
  auditId: string;
  auditName: string;
  isSampling: boolean;
  /** The sample drawn so far, whose seed and share the form starts from. */
  sample: { seed: string; sharePercent: number } | null;
}) {
  return (
    <section className="card space-y-3" aria-labelledby="draw-title">
      <h2 id="draw-title">{sample ? 'Redraw the sample' : 'Draw the sample'}</h2>
      {!isSampling ? (
        <p>Move the audit to its Sampling stage first.</p>
      ) : (
        <>
          <p className="max-w-3xl text-sm text-slate-700">
            In each service area, the chosen share of practitioners with work filed in the window, spread
            across law types and performance bands in proportion to their numbers, chosen at random; one case
            each, their most recently filed. The same seed always gives the same sample.
          </p>
          <ActionForm
            action={drawSampleAction}
            values={{ auditId }}
            submitLabel={sample ? 'Redraw sample' : 'Draw sample'}
            successMessage="Sample drawn."
          >
            <TextField
              name="seed"
              label="Seed"
              hint="Any words or numbers; recorded so the sample can be reproduced."
              defaultValue={sample?.seed ?? `${auditName.replace(/[^A-Za-z0-9 _-]/g, '')} sample`}
            />
            <TextField
              name="sharePercent"
              type="number"
              label="Share of practitioners (%)"
              defaultValue={String(sample?.sharePercent ?? 50)}
            />
          </ActionForm>
        </>
      )}
    </section>
  );
}
