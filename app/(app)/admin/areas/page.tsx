import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { DataTable } from '@/components/ui/data-table';
import {
  createServiceAreaAction,
  createTeamAction,
  updateTeamAction,
} from '@/lib/actions/admin-organisation';
import { setTeamServiceManagerAction } from '@/lib/actions/admin-team-managers';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreas } from '@/lib/db/organisation';
import {
  findServiceManagerOptions,
  findTeamServiceManagers,
  type ServiceManagerOption,
} from '@/lib/db/team-managers';
import { can, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Service areas and teams' };
export const dynamic = 'force-dynamic';

export default async function AreasPage() {
  const actor = await requireActor();
  if (!can(actor, 'organisation.manage', NATIONAL)) notFound();
  const [areas, managers, teamManagers] = await Promise.all([
    findServiceAreas(),
    findServiceManagerOptions(),
    findTeamServiceManagers(),
  ]);
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
      <DataTable
        caption={`${areas.length} service areas, ${areas.reduce((sum, area) => sum + area.teams.length, 0)} teams`}
        empty="No service areas yet. Add the first one above."
        scroll
        rows={areas}
        rowKey={(area) => area.id}
        columns={[
          {
            header: 'Area',
            isRowHeader: true,
            cell: (area) => (
              <>
                {area.code}
                <span className="block text-xs font-normal text-slate-600">{area.name}</span>
              </>
            ),
          },
          {
            header: 'Teams (active practitioners)',
            cell: (area) => (
              <TeamList
                teams={area.teams}
                managers={managers.filter((manager) => manager.serviceAreaId === area.id)}
                teamManagers={teamManagers}
              />
            ),
          },
          {
            header: 'Active practitioners',
            isNumeric: true,
            cell: (area) => area.practitionerCount.toLocaleString('en-GB'),
          },
        ]}
      />
    </div>
  );
}

/** Each team of an area, renamed in place, with its Service Manager (one of the area's). */
function TeamList({
  teams,
  managers,
  teamManagers,
}: {
  teams: { id: string; name: string; version: number; practitionerCount: number }[];
  managers: ServiceManagerOption[];
  teamManagers: Map<string, string | null>;
}) {
  if (teams.length === 0) return 'No teams yet';
  const managerName = (teamId: string) =>
    managers.find((manager) => manager.id === teamManagers.get(teamId))?.name ?? null;
  return (
    <ul className="space-y-1">
      {teams.map((team) => (
        <li key={team.id}>
          <details>
            <summary className="cursor-pointer">
              {team.name} ({team.practitionerCount})
              {managerName(team.id) ? ` · Service Manager: ${managerName(team.id)}` : ''}
            </summary>
            <ActionForm
              action={updateTeamAction}
              values={{ teamId: team.id, version: team.version }}
              submitLabel="Rename team"
              successMessage="Team renamed."
              className="mt-2 space-y-2"
            >
              <TextField name="name" label={`New name for ${team.name}`} defaultValue={team.name} />
            </ActionForm>
            <ActionForm
              action={setTeamServiceManagerAction}
              values={{ teamId: team.id, version: team.version }}
              submitLabel="Set Service Manager"
              successMessage="Service Manager set: the team’s practitioners now report to them."
              className="mt-2 space-y-2"
            >
              <SelectField
                name="serviceManagerId"
                label={`Service Manager of ${team.name}`}
                hint="The team’s practitioners report to them, and they audit the team’s work."
                options={managers.map((manager) => ({ value: manager.id, label: manager.name }))}
                defaultValue={teamManagers.get(team.id) ?? ''}
                placeholder="No Service Manager"
                required={false}
              />
            </ActionForm>
          </details>
        </li>
      ))}
    </ul>
  );
}
