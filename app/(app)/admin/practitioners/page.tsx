import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AreaFilter } from '@/components/ui/area-filter';
import { PractitionerFields } from '@/components/admin/practitioner-fields';
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { DataTable } from '@/components/ui/data-table';
import { createPractitionerAction } from '@/lib/actions/admin-practitioners';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions, findTeamOptions } from '@/lib/db/organisation';
import { findPractitioners, PRACTITIONER_PAGE_SIZE } from '@/lib/db/practitioners';
import { findManagerOptions } from '@/lib/db/users';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { EMPLOYMENT_LABELS } from '@/lib/domain/roles';
import { PractitionerSearchSchema } from '@/lib/schemas/search';

export const metadata: Metadata = { title: 'Practitioners' };
export const dynamic = 'force-dynamic';

export default async function PractitionersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, 'practitioner.manage', NATIONAL)) notFound();
  const filter = PractitionerSearchSchema.parse(await searchParams);
  const [{ practitioners, total }, areas, teams, managers] = await Promise.all([
    findPractitioners(filter),
    findServiceAreaOptions(),
    findTeamOptions(),
    findManagerOptions(),
  ]);
  const pages = Math.max(1, Math.ceil(total / PRACTITIONER_PAGE_SIZE));
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (filter.search) params.set('search', filter.search);
    if (filter.serviceAreaId) params.set('area', filter.serviceAreaId);
    params.set('page', String(page));
    return `/admin/practitioners?${params.toString()}`;
  };
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>Practitioners</h1>
        <Link href="/admin/practitioners/import" className="btn btn-secondary">
          Import from CSV
        </Link>
      </div>
      <form
        method="get"
        role="search"
        aria-label="Find practitioners"
        className="flex flex-wrap items-end gap-4"
      >
        <div className="field">
          <label htmlFor="search" className="block font-medium">
            Name or reference
          </label>
          <input id="search" name="search" defaultValue={filter.search} maxLength={100} className="input" />
        </div>
        <AreaFilter areas={areas} selected={filter.serviceAreaId} />
        <button type="submit" className="btn btn-primary">
          Search
        </button>
      </form>
      <DataTable
        caption={`${total.toLocaleString('en-GB')} practitioners · page ${filter.page} of ${pages}`}
        empty={
          filter.search || filter.serviceAreaId
            ? 'No practitioners match this search.'
            : 'No practitioners yet. Add one below or import a CSV.'
        }
        scroll
        rows={practitioners}
        rowKey={(practitioner) => practitioner.id}
        columns={[
          {
            header: 'Reference',
            cell: (practitioner) => (
              <Link href={`/admin/practitioners/${practitioner.id}`}>{practitioner.reference}</Link>
            ),
          },
          {
            header: 'Name',
            cell: (practitioner) => (
              <>
                {practitioner.name}
                {!practitioner.isActive && <span className="tag ml-2">Left</span>}
              </>
            ),
          },
          {
            header: 'Area · team',
            cell: (practitioner) => `${practitioner.serviceAreaCode} · ${practitioner.teamName}`,
          },
          { header: 'Employment', cell: (practitioner) => EMPLOYMENT_LABELS[practitioner.employment] },
          { header: 'Band', cell: (practitioner) => practitioner.performanceBand ?? '—' },
          { header: 'Manager', cell: (practitioner) => practitioner.managerName ?? '—' },
        ]}
      />
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-4">
          {filter.page > 1 && <Link href={pageHref(filter.page - 1)}>Previous page</Link>}
          {filter.page < pages && <Link href={pageHref(filter.page + 1)}>Next page</Link>}
        </nav>
      )}
      <section className="card" aria-labelledby="add-practitioner-title">
        <h2 id="add-practitioner-title">Add a practitioner</h2>
        <ActionForm
          action={createPractitionerAction}
          submitLabel="Add practitioner"
          successMessage="Practitioner added."
          resetOnSuccess
        >
          <TextField name="reference" label="Reference" hint="The staff reference used in case files." />
          <PractitionerFields teams={teams} managers={managers} />
        </ActionForm>
      </section>
    </div>
  );
}
