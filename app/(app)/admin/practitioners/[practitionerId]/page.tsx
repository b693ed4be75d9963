import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PractitionerFields } from '@/components/admin/practitioner-fields';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField } from '@/components/ui/fields';
import { updatePractitionerAction } from '@/lib/actions/admin-practitioners';
import { requireActor } from '@/lib/auth/actor';
import { findTeamOptions } from '@/lib/db/organisation';
import { getPractitioner } from '@/lib/db/practitioners';
import { findManagerOptions } from '@/lib/db/users';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';

export const metadata: Metadata = { title: 'Practitioner' };
export const dynamic = 'force-dynamic';

export default async function PractitionerPage({ params }: { params: Promise<{ practitionerId: string }> }) {
  const actor = await requireActor();
  if (!can(actor, 'practitioner.manage', NATIONAL)) notFound();
  const { practitionerId } = await params;
  if (!isUuid(practitionerId)) notFound();
  const [practitioner, teams, managers] = await Promise.all([
    getPractitioner(practitionerId),
    findTeamOptions(),
    findManagerOptions(),
  ]);
  if (!practitioner) notFound();
  return (
    <div className="space-y-8">
      <p>
        <Link href="/admin/practitioners">Back to practitioners</Link>
      </p>
      <h1>
        {practitioner.name}{' '}
        <span className="text-lg font-normal text-slate-700">({practitioner.reference})</span>
      </h1>
      <section className="card" aria-labelledby="edit-title">
        <h2 id="edit-title">Details</h2>
        <ActionForm
          action={updatePractitionerAction}
          values={{ practitionerId: practitioner.id, version: practitioner.version }}
          submitLabel="Save changes"
          successMessage="Changes saved."
        >
          <PractitionerFields teams={teams} managers={managers} defaults={practitioner} />
          <SelectField
            name="isActive"
            label="Status"
            options={[
              { value: 'true', label: 'Working in the service' },
              { value: 'false', label: 'Left the service' },
            ]}
            defaultValue={String(practitioner.isActive)}
          />
        </ActionForm>
      </section>
    </div>
  );
}
