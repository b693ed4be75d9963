import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { markInboxReadAction } from '@/lib/actions/grading';
import { requireActor } from '@/lib/auth/actor';
import { findInbox } from '@/lib/db/notifications';
import { can, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Inbox' };
export const dynamic = 'force-dynamic';

export default async function InboxPage() {
  const actor = await requireActor();
  if (!can(actor, 'inbox.read', NATIONAL)) notFound();
  const items = await findInbox(actor.userId);
  const unread = items.filter((item) => !item.isRead).length;
  return (
    <div className="space-y-6">
      <h1>Inbox</h1>
      {items.length === 0 ? (
        <p>Nothing in your inbox.</p>
      ) : (
        <>
          {unread > 0 && (
            <ActionForm
              action={markInboxReadAction}
              submitLabel={`Mark ${unread} as read`}
              successMessage="Marked as read."
              variant="secondary"
            />
          )}
          <ul className="space-y-3">
            {items.map((item) => (
              <li key={item.id} className={`card ${item.isRead ? '' : 'border-2 border-blue-800'}`}>
                <p className="font-semibold">
                  {item.isRead ? '' : <span className="tag mr-2">New</span>}
                  <Link href={item.link}>{item.title}</Link>
                </p>
                <p className="text-sm">{item.body}</p>
                <p className="text-xs text-slate-700">
                  {item.createdAt.toLocaleString('en-GB', {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                    timeZone: 'Europe/London',
                  })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
