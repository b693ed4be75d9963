import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ObservationTable } from '@/components/observations/observation-table';
import { AreaFilter } from '@/components/ui/area-filter';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { observationScope } from '@/lib/domain/observation';
import { ObservationFiltersSchema } from '@/lib/schemas/observations';
import { findObservations } from '@/lib/use-cases/observations/find-observations';

export const metadata: Metadata = { title: 'Practice observations' };
export const dynamic = 'force-dynamic';

export default async function ObservationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!observationScope(actor)) notFound();
  const filters = ObservationFiltersSchema.parse(await searchParams);
  // National roles choose an area; area roles always see their own.
  const isNational = actor.serviceAreaId === null;
  const [list, areas] = await Promise.all([
    findObservations(actor, {
      month: filters.month ?? null,
      teamId: filters.team ?? null,
      serviceAreaId: isNational ? (filters.area ?? null) : null,
    }),
    isNational ? findServiceAreaOptions() : Promise.resolve([]),
  ]);
  const isFiltered = Boolean(filters.month || filters.team || (isNational && filters.area));
  const shown = list.rows.length < list.total ? `, the newest ${list.rows.length} shown` : '';
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>Practice observations</h1>
        {list.canRecord && (
          <Link href="/local/observations/new" className="btn btn-primary">
            Record an observation
          </Link>
        )}
      </div>
      <p className="text-slate-700">
        Observations of practice (direct work with a child, a meeting, a court hearing) against the
        observation rubric, with the feedback given. They are counted beside the audits and carry no case
        grade.
      </p>
      <form
        method="get"
        role="search"
        aria-label="Filter observations"
        className="flex flex-wrap items-end gap-4"
      >
        <div className="field">
          <label htmlFor="month" className="block font-medium">
            Month
          </label>
          <input id="month" name="month" type="month" defaultValue={filters.month ?? ''} className="input" />
        </div>
        {isNational && <AreaFilter areas={areas} selected={filters.area ?? null} />}
        <div className="field">
          <label htmlFor="team" className="block font-medium">
            Team
          </label>
          <select id="team" name="team" defaultValue={filters.team ?? ''} className="input">
            <option value="">All teams</option>
            {list.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          Filter
        </button>
        {isFiltered && <Link href="/local/observations">Clear filters</Link>}
      </form>
      <ObservationTable
        rows={list.rows}
        showArea={isNational}
        caption={`${list.total.toLocaleString('en-GB')} ${list.total === 1 ? 'observation' : 'observations'}, newest first${shown}`}
        empty={
          isFiltered
            ? 'No observations match these filters.'
            : list.canRecord
              ? 'No observations recorded yet. Record one after you observe a practitioner at work.'
              : 'No observations recorded yet.'
        }
      />
    </div>
  );
}
