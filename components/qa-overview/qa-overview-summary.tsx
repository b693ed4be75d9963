import { QA_OVERVIEW_LABELS, qaOverviewSentences, type QaOverview } from '@/lib/domain/qa-overview';

/** The overview in the board paper's words, and the priorities (indicators below target). */
export function QaOverviewSummary({ overview }: { overview: QaOverview }) {
  return (
    <section aria-labelledby="summary" className="space-y-3">
      <h2 id="summary">Summary</h2>
      <ul className="list-disc space-y-1 pl-6">
        {qaOverviewSentences(overview).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <p className="card">
        {overview.priorities.length === 0
          ? 'Every indicator is at or above its target.'
          : `Priorities (below target): ${overview.priorities.map((key) => QA_OVERVIEW_LABELS[key]).join('; ')}.`}
      </p>
    </section>
  );
}
