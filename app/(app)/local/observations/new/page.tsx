import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ObservationForm } from '@/components/observations/observation-form';
import { recordObservationAction } from '@/lib/actions/local-observations';
import { requireActor } from '@/lib/auth/actor';
import { isoDay } from '@/lib/domain/dates';
import { getObservationForm } from '@/lib/use-cases/observations/get-observation-form';

export const metadata: Metadata = { title: 'Record a practice observation' };
export const dynamic = 'force-dynamic';

export default async function RecordObservationPage() {
  const actor = await requireActor();
  const form = await getObservationForm(actor);
  if (!form) notFound();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/local/observations">Back to observations</Link>
      </p>
      <h1>Record a practice observation</h1>
      {form.practitioners.length === 0 ? (
        <p className="card">
          {actor.role === 'SERVICE_MANAGER'
            ? 'You manage no team with practitioners yet, so there is no one for you to observe. An administrator sets which teams you manage.'
            : 'There are no active practitioners in your area.'}
        </p>
      ) : (
        <div className="card">
          <ObservationForm
            mode="record"
            practitioners={form.practitioners}
            today={isoDay(new Date())}
            action={recordObservationAction}
          />
        </div>
      )}
    </div>
  );
}
