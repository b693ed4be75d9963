import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/auth/actor';
import { findQueue } from '@/lib/db/sampling';
import { LAW_TYPE_LABELS } from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
import { can, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'My cases' };
export const dynamic = 'force-dynamic';

export default async function QueuePage() {
  const actor = await requireActor();
  if (!can(actor, 'queue.view', NATIONAL)) notFound();
  const queue = await findQueue(actor.userId);
  return (
    <div className="space-y-6">
      <h1>My cases</h1>
      {queue.length === 0 ? (
        <p>No cases are assigned to you. When an audit lead assigns you cases, they appear here.</p>
      ) : (
        <table className="data-table">
          <caption className="mb-2 text-left text-sm text-slate-700">{queue.length} cases to grade</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Audit</th>
              <th scope="col">Practitioner · team</th>
              <th scope="col">Area</th>
              <th scope="col">Law type</th>
              <th scope="col">Filed documents</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((row) => (
              <tr key={row.sampledCaseId}>
                <td className="font-semibold">{row.caseReference}</td>
                <td>{row.auditName}</td>
                <td>
                  {row.practitionerName}
                  {row.teamName ? ` · ${row.teamName}` : ''}
                </td>
                <td>{row.areaCode}</td>
                <td>{LAW_TYPE_LABELS[row.lawType]}</td>
                <td>
                  <ul>
                    {row.documents.map((document, index) => (
                      <li key={index}>
                        {document.documentType}, {formatDate(document.filedOn)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
