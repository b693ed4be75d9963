import type { JudgementView } from '@/lib/domain/review-view';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  });

/** One recorded judgement: what, by whom and when, why, and the evidence as it was written. */
export function JudgementRecord({
  judgement,
  headingLevel = 4,
}: {
  judgement: JudgementView;
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="space-y-1">
      <Heading className="font-semibold">
        {judgement.label}
        <span className="font-normal text-slate-700">
          {' '}
          · {judgement.judgedBy} · {when(judgement.judgedAt)}
        </span>
      </Heading>
      <p>
        <span className="font-medium">Reason:</span>{' '}
        <span className="whitespace-pre-line">{judgement.reason}</span>
      </p>
      <details>
        <summary className="cursor-pointer">Evidence as recorded</summary>
        <p className="mt-1 whitespace-pre-line">{judgement.evidence}</p>
      </details>
    </div>
  );
}
