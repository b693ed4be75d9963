import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ROLE_OPTIONS } from '@/components/admin/role-options';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { DataTable } from '@/components/ui/data-table';
import { createUserAction } from '@/lib/actions/admin-users';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { findUsers } from '@/lib/db/users';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { ROLE_LABELS } from '@/lib/domain/roles';

export const metadata: Metadata = { title: 'Users' };
export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const actor = await requireActor();
  if (!can(actor, 'user.manage', NATIONAL)) notFound();
  const [users, areas] = await Promise.all([findUsers(), findServiceAreaOptions()]);
  const now = new Date();
  return (
    <div className="space-y-8">
      <h1>Users</h1>
      <section aria-labelledby="users-table-title">
        <h2 id="users-table-title" className="sr-only">
          All users
        </h2>
        <DataTable
          caption={`${users.length} users`}
          scroll
          rows={users}
          rowKey={(user) => user.id}
          columns={[
            { header: 'Name', cell: (user) => <Link href={`/admin/users/${user.id}`}>{user.name}</Link> },
            { header: 'Email', cell: (user) => user.email },
            { header: 'Role', cell: (user) => ROLE_LABELS[user.role] },
            { header: 'Service area', cell: (user) => user.serviceAreaCode ?? '—' },
            {
              header: 'Status',
              cell: (user) =>
                !user.isActive ? (
                  <span className="tag">Deactivated</span>
                ) : user.lockedUntil && user.lockedUntil > now ? (
                  <span className="tag">Locked</span>
                ) : (
                  'Active'
                ),
            },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="add-user-title">
        <h2 id="add-user-title">Add a user</h2>
        <p className="mb-4 text-sm text-slate-700">
          Heads of Service and Assistant Directors need the service area they run; other roles work
          nationally.
        </p>
        <ActionForm
          action={createUserAction}
          submitLabel="Add user"
          successMessage="User added."
          resetOnSuccess
        >
          <TextField name="name" label="Full name" />
          <TextField name="email" label="Email" type="email" />
          <SelectField name="role" label="Role" options={ROLE_OPTIONS} placeholder="Choose a role" />
          <SelectField
            name="serviceAreaId"
            label="Service area"
            required={false}
            options={areas.map((area) => ({ value: area.id, label: area.code }))}
            placeholder="None (national role)"
          />
          <TextField
            name="password"
            label="Temporary password"
            type="password"
            hint="12 to 72 characters (fewer than 72 with accented letters, other alphabets or emoji). Give it to the person securely."
            autoComplete="new-password"
          />
        </ActionForm>
      </section>
    </div>
  );
}
