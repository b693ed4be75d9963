import Link from 'next/link';
import { ACTION_EVENT_LABELS, describeChange, type ActionHistoryEntry } from '@/lib/domain/improvement';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  });

/** Every change to an action, newest first, with who and when (append-only in the database). */
export function ActionHistory({ history, headingId }: { history: ActionHistoryEntry[]; headingId: string }) {
  if (history.length === 0) return <p className="text-sm">No changes recorded yet.</p>;
  return (
    <ol className="mt-2 space-y-3 border-l-2 border-slate-300 pl-4" aria-labelledby={headingId}>
      {history.map((entry) => (
        <li key={entry.id}>
          <p className="text-sm">
            <span className="font-semibold">{ACTION_EVENT_LABELS[entry.event] ?? entry.event}</span> by{' '}
            {entry.actorName}, <time dateTime={entry.occurredAt}>{when(entry.occurredAt)}</time>
          </p>
          {entry.event !== 'created' && entry.changes.length > 0 && (
            <ul className="list-disc pl-5 text-sm">
              {entry.changes.map((change, index) => (
                <li key={index}>{describeChange(change)}</li>
              ))}
            </ul>
          )}
          {entry.text && entry.event !== 'status-changed' && (
            <p className="whitespace-pre-line">{entry.text}</p>
          )}
          {entry.evidence.length > 0 && (
            <div className="text-sm">
              Evidence:{' '}
              <ul className="inline">
                {entry.evidence.map((link, index) => (
                  <li key={index} className="mr-3 inline">
                    {link.kind === 'link' ? (
                      <a href={link.href} rel="noopener noreferrer nofollow" target="_blank">
                        {link.label} (opens in a new tab)
                      </a>
                    ) : (
                      <Link href={link.href}>{link.label}</Link>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
