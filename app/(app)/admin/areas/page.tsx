import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import {
  createServiceAreaAction,
  createTeamAction,
  updateTeamAction,
} from '@/lib/actions/admin-organisation';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreas } from '@/lib/db/organisation';
import { can, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Service areas and teams' };
export const dynamic = 'force-dynamic';

export default async function AreasPage() {
  const actor = await requireActor();
  if (!can(actor, 'organisation.manage', NATIONAL)) notFound();
  const areas = await findServiceAreas();
  return (
    <div className="space-y-8">
      <h1>Service areas and teams</h1>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="card" aria-labelledby="add-team-title">
          <h2 id="add-team-title">Add a team</h2>
          <ActionForm
            action={createTeamAction}
            submitLabel="Add team"
            successMessage="Team added."
            resetOnSuccess
          >
            <SelectField
              name="serviceAreaId"
              label="Service area"
              options={areas.map((area) => ({ value: area.id, label: area.code }))}
              placeholder="Choose an area"
            />
            <TextField name="name" label="Team name" />
          </ActionForm>
        </section>
        <section className="card" aria-labelledby="add-area-title">
          <h2 id="add-area-title">Add a service area</h2>
          <ActionForm
            action={createServiceAreaAction}
            submitLabel="Add service area"
            successMessage="Service area added."
            resetOnSuccess
          >
            <TextField name="code" label="Code" hint="As used in reports, for example A18 or A15 Public." />
            <TextField name="name" label="Name" />
          </ActionForm>
        </section>
      </div>
      {areas.length === 0 ? (
        <p>No service areas yet. Add the first one above.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="mb-2 text-left text-sm text-slate-700">
              {areas.length} service areas, {areas.reduce((sum, area) => sum + area.teams.length, 0)} teams
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Teams (active practitioners)</th>
                <th scope="col" className="text-right">
                  Active practitioners
                </th>
              </tr>
            </thead>
            <tbody>
              {areas.map((area) => (
                <tr key={area.id}>
                  <th scope="row" className="font-semibold">
                    {area.code}
                    <span className="block text-xs font-normal text-slate-600">{area.name}</span>
                  </th>
                  <td>
                    {area.teams.length === 0 ? (
                      'No teams yet'
                    ) : (
                      <ul className="space-y-1">
                        {area.teams.map((team) => (
                          <li key={team.id}>
                            <details>
                              <summary className="cursor-pointer">
                                {team.name} ({team.practitionerCount})
                              </summary>
                              <ActionForm
                                action={updateTeamAction}
                                values={{ teamId: team.id, version: team.version }}
                                submitLabel="Rename team"
                                successMessage="Team renamed."
                                className="mt-2 space-y-2"
                              >
                                <TextField
                                  name="name"
                                  label={`New name for ${team.name}`}
                                  defaultValue={team.name}
                                />
                              </ActionForm>
                            </details>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="text-right">{area.practitionerCount.toLocaleString('en-GB')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
