import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MeasureFields } from '@/components/improvement/measure-fields';
import { ActionForm } from '@/components/ui/action-form';
import { updateMeasureAction } from '@/lib/actions/improvement-measures';
import { requireActor } from '@/lib/auth/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { isUuid } from '@/lib/schemas/fields';
import { getMeasureForm } from '@/lib/use-cases/improvement/get-measure-form';

export const metadata: Metadata = { title: 'Change a measure' };
export const dynamic = 'force-dynamic';

export default async function EditMeasurePage({
  params,
}: {
  params: Promise<{ recommendationId: string; measureId: string }>;
}) {
  const actor = await requireActor();
  const { recommendationId, measureId } = await params;
  if (!isUuid(recommendationId) || !isUuid(measureId)) notFound();
  let form;
  try {
    form = await getMeasureForm(actor, recommendationId, measureId);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  const measure = form.measure;
  if (!measure) notFound();
  const back = `/improvement/recommendations/${recommendationId}/measures`;
  return (
    <div className="space-y-6">
      <p>
        <Link href={back}>Back to the measures</Link>
      </p>
      <div>
        <h1>Change the measure “{measure.label}”</h1>
        <p className="mt-1 text-slate-700">
          Recommendation {form.recommendation.number}: {form.recommendation.text}
        </p>
      </div>
      <ActionForm
        action={updateMeasureAction}
        values={{ measureId: measure.id, version: measure.version }}
        submitLabel="Save measure"
        successMessage="Measure saved."
        redirectTo={back}
      >
        <MeasureFields form={form} />
      </ActionForm>
    </div>
  );
}
