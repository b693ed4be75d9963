import Link from 'next/link';
import type { Actor } from '@/lib/domain/actor';
import { WAITING_LISTS } from '@/lib/domain/home';
import { monthLabel } from '@/lib/domain/local-draw';
import { QUEUE_STATUS_LABELS } from '@/lib/domain/queue';
import { findLocalQueue } from '@/lib/use-cases/local-audits/find-local-queue';

const LIST = WAITING_LISTS.SERVICE_MANAGER[0] as { title: string; empty: string };

/** A Service Manager's home: this month's local audits still to submit. */
export async function LocalAuditsThisMonth({ actor }: { actor: Actor }) {
  const queue = await findLocalQueue(actor, new Date());
  const waiting = queue.cases.filter((row) => row.month === queue.currentMonth && row.status !== 'SUBMITTED');
  return (
    <section className="card" aria-labelledby="local-audits-title">
      <h2 id="local-audits-title">
        {LIST.title} ({waiting.length})
      </h2>
      {waiting.length === 0 ? (
        <p className="mt-2 text-slate-700">{LIST.empty}</p>
      ) : (
        <>
          <ul className="mt-2 list-disc pl-5">
            {waiting.map((row) => (
              <li key={row.sampledCaseId}>
                <Link href={`/cases/${row.sampledCaseId}`}>{row.caseReference}</Link>: {row.practitionerName}
                {row.teamName ? `, ${row.teamName}` : ''} · {QUEUE_STATUS_LABELS[row.status]}
                {row.pickedBy === 'manager' ? ' · your pick' : ''}
              </li>
            ))}
          </ul>
          <p className="mt-2">
            <Link href="/local/queue">Open my local audits for {monthLabel(queue.currentMonth)}</Link>
          </p>
        </>
      )}
    </section>
  );
}
