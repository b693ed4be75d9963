import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MeasureFields } from '@/components/improvement/measure-fields';
import { ActionForm } from '@/components/ui/action-form';
import { createMeasureAction } from '@/lib/actions/improvement-measures';
import { requireActor } from '@/lib/auth/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { isUuid } from '@/lib/schemas/fields';
import { getMeasureForm } from '@/lib/use-cases/improvement/get-measure-form';

export const metadata: Metadata = { title: 'Add a measure' };
export const dynamic = 'force-dynamic';

export default async function NewMeasurePage({ params }: { params: Promise<{ recommendationId: string }> }) {
  const actor = await requireActor();
  const { recommendationId } = await params;
  if (!isUuid(recommendationId)) notFound();
  let form;
  try {
    form = await getMeasureForm(actor, recommendationId, null);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  const back = `/improvement/recommendations/${recommendationId}/measures`;
  return (
    <div className="space-y-6">
      <p>
        <Link href={back}>Back to the measures</Link>
      </p>
      <div>
        <h1>Add a measure to recommendation {form.recommendation.number}</h1>
        <p className="mt-1 text-slate-700">{form.recommendation.text}</p>
      </div>
      <ActionForm
        action={createMeasureAction}
        values={{ recommendationId }}
        submitLabel="Add measure"
        successMessage="Measure added."
        redirectTo={back}
      >
        <MeasureFields form={form} />
      </ActionForm>
    </div>
  );
}
