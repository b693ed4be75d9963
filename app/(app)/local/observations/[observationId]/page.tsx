import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ObservationForm } from '@/components/observations/observation-form';
import { amendObservationAction } from '@/lib/actions/local-observations';
import { requireActor } from '@/lib/auth/actor';
import { formatDate } from '@/lib/domain/dates';
import {
  OBSERVATION_CRITERIA,
  OBSERVATION_JUDGEMENT_LABELS,
  OBSERVATION_SETTING_LABELS,
} from '@/lib/domain/observation';
import { isUuid } from '@/lib/schemas/fields';
import { getObservation } from '@/lib/use-cases/observations/get-observation';

export const metadata: Metadata = { title: 'Practice observation' };
export const dynamic = 'force-dynamic';

export default async function ObservationPage({
  params,
  searchParams,
}: {
  params: Promise<{ observationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { observationId } = await params;
  if (!isUuid(observationId)) notFound();
  const observation = await getObservation(actor, observationId);
  if (!observation) notFound();
  const { recorded } = await searchParams;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/local/observations">Back to observations</Link>
      </p>
      {recorded === '1' && (
        <p role="status" className="card border-green-700">
          Observation recorded.
        </p>
      )}
      <div>
        <h1>Observation of {observation.practitionerName}</h1>
        <p className="mt-1 text-slate-700">
          {formatDate(observation.observedOn)} · {OBSERVATION_SETTING_LABELS[observation.setting]} ·{' '}
          {observation.teamName}, {observation.areaCode} · observed by {observation.observerName}
        </p>
      </div>
      <section className="card" aria-labelledby="rubric-title">
        <h2 id="rubric-title">Observation rubric</h2>
        <dl className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
          {OBSERVATION_CRITERIA.map((criterion) => {
            const judgement = observation.answers[criterion.key];
            return (
              <div key={criterion.key} className="grid gap-2 py-2 sm:grid-cols-[16rem_1fr]">
                <dt className="font-medium">{criterion.label}</dt>
                <dd>{judgement ? OBSERVATION_JUDGEMENT_LABELS[judgement] : 'Not judged'}</dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section className="card" aria-labelledby="feedback-title">
        <h2 id="feedback-title">Feedback given to the practitioner</h2>
        <p className="mt-2 whitespace-pre-line">{observation.feedback}</p>
      </section>
      {observation.canAmend && (
        <details className="card">
          <summary className="cursor-pointer font-semibold">Correct this observation</summary>
          <div className="mt-4">
            <ObservationForm
              mode="amend"
              existing={{
                observationId: observation.id,
                version: observation.version,
                observedOn: observation.observedOn,
                setting: observation.setting,
                answers: observation.answers,
                feedback: observation.feedback,
              }}
              action={amendObservationAction}
            />
          </div>
        </details>
      )}
    </div>
  );
}
