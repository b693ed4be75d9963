import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ROLE_OPTIONS } from '@/components/admin/role-options';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { resetPasswordAction, setUserActiveAction, updateUserAction } from '@/lib/actions/admin-users';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { getUser } from '@/lib/db/users';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';
import { ROLE_LABELS } from '@/lib/domain/roles';

export const metadata: Metadata = { title: 'User' };
export const dynamic = 'force-dynamic';

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requireActor();
  if (!can(actor, 'user.manage', NATIONAL)) notFound();
  const { userId } = await params;
  if (!isUuid(userId)) notFound();
  const [user, areas] = await Promise.all([getUser(userId), findServiceAreaOptions()]);
  if (!user) notFound();
  const isSelf = user.id === actor.userId;
  const locked = user.lockedUntil !== null && user.lockedUntil > new Date();
  return (
    <div className="space-y-8">
      <p>
        <Link href="/admin/users">Back to users</Link>
      </p>
      <div>
        <h1>{user.name}</h1>
        <p className="text-slate-700">
          {user.email} · {ROLE_LABELS[user.role]}
          {user.serviceAreaCode ? ` · ${user.serviceAreaCode}` : ''} ·{' '}
          {user.isActive ? 'Active' : 'Deactivated'}
          {locked ? ' · Locked after failed sign-ins' : ''}
        </p>
      </div>
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Name, role and area</h2>
        <p className="mb-4 text-sm text-slate-700">
          A change takes effect on the person’s next page or action.
        </p>
        <ActionForm
          action={updateUserAction}
          values={{ userId: user.id, version: user.version }}
          submitLabel="Save changes"
          successMessage="Changes saved."
        >
          <TextField name="name" label="Full name" defaultValue={user.name} />
          <SelectField name="role" label="Role" options={ROLE_OPTIONS} defaultValue={user.role} />
          <SelectField
            name="serviceAreaId"
            label="Service area"
            required={false}
            options={areas.map((area) => ({ value: area.id, label: area.code }))}
            placeholder="None (national role)"
            defaultValue={user.serviceAreaId ?? ''}
          />
        </ActionForm>
      </section>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">Reset password</h2>
        <p className="mb-4 text-sm text-slate-700">
          Signs the person out everywhere and unlocks the account.
        </p>
        <ActionForm
          action={resetPasswordAction}
          values={{ userId: user.id, version: user.version }}
          submitLabel="Reset password"
          successMessage="Password reset."
          resetOnSuccess
        >
          <TextField
            name="password"
            label="New temporary password"
            type="password"
            hint="12 to 72 characters (fewer than 72 with accented letters, other alphabets or emoji)."
            autoComplete="new-password"
          />
        </ActionForm>
      </section>
      {!isSelf && (
        <section className="card" aria-labelledby="access-title">
          <h2 id="access-title">{user.isActive ? 'Deactivate account' : 'Reactivate account'}</h2>
          <p className="mb-4 text-sm text-slate-700">
            {user.isActive
              ? 'The person is signed out at once and cannot sign in. Their past work stays.'
              : 'The person can sign in again with their password.'}
          </p>
          <ActionForm
            action={setUserActiveAction}
            values={{ userId: user.id, version: user.version, isActive: !user.isActive }}
            submitLabel={user.isActive ? 'Deactivate' : 'Reactivate'}
            successMessage={user.isActive ? 'Account deactivated.' : 'Account reactivated.'}
            variant={user.isActive ? 'danger' : 'primary'}
            confirm={
              user.isActive
                ? {
                    title: `Deactivate ${user.name}?`,
                    body: 'They will be signed out immediately and will not be able to sign in.',
                    confirmLabel: 'Yes, deactivate',
                  }
                : undefined
            }
          />
        </section>
      )}
    </div>
  );
}
