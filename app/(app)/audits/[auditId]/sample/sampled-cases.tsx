import Link from 'next/link';
import { AreaFilter } from '@/components/ui/area-filter';
import { DataTable } from '@/components/ui/data-table';
import { SAMPLE_PAGE_SIZE, type SampledCaseRow } from '@/lib/db/sample-cases';
import { describeStratum } from '@/lib/domain/strata';
import type { SampleCasesFilter } from '@/lib/schemas/sample';

function href(auditId: string, filter: SampleCasesFilter, change: Partial<SampleCasesFilter>): string {
  const next = { ...filter, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.serviceAreaId) params.set('area', next.serviceAreaId);
  if (next.assignment !== 'all') params.set('assignment', next.assignment);
  if (next.reference) params.set('reference', next.reference);
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return `/audits/${auditId}/sample${query ? `?${query}` : ''}#cases-title`;
}

/** The selected cases, a page at a time, filtered in the database; each case's actions are on its own page. */
export function SampledCases(props: {
  auditId: string;
  filter: SampleCasesFilter;
  cases: SampledCaseRow[];
  total: number;
  selected: number;
  areas: { id: string; code: string }[];
  canChange: boolean;
}) {
  const { auditId, filter, cases, total } = props;
  const pages = Math.max(1, Math.ceil(total / SAMPLE_PAGE_SIZE));
  return (
    <section className="space-y-3" aria-labelledby="cases-title">
      <h2 id="cases-title">Sampled cases ({props.selected.toLocaleString('en-GB')})</h2>
      {props.selected === 0 ? (
        <p>
          No cases were sampled: the case-file index has no eligible work in this audit’s window and scope.
        </p>
      ) : (
        <>
          <form
            method="get"
            action={`/audits/${auditId}/sample#cases-title`}
            className="flex flex-wrap items-end gap-4"
            aria-label="Filter sampled cases"
          >
            <AreaFilter areas={props.areas} selected={filter.serviceAreaId} />
            <div className="field">
              <label htmlFor="assignment" className="block font-medium">
                Assignment
              </label>
              <select id="assignment" name="assignment" defaultValue={filter.assignment} className="input">
                <option value="all">All cases</option>
                <option value="unassigned">Not assigned</option>
                <option value="assigned">Assigned</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="reference" className="block font-medium">
                Case reference
              </label>
              <input
                id="reference"
                name="reference"
                defaultValue={filter.reference ?? ''}
                className="input"
              />
            </div>
            <button type="submit" className="btn btn-primary">
              Filter
            </button>
          </form>
          <DataTable
            caption={`${total.toLocaleString('en-GB')} case${total === 1 ? '' : 's'} · page ${filter.page} of ${pages}`}
            empty="No sampled cases match these filters."
            rows={cases}
            rowKey={(row) => row.id}
            columns={[
              { header: 'Case', cell: (row) => row.caseReference },
              {
                header: 'Practitioner',
                cell: (row) => `${row.practitionerName} (${row.practitionerReference})`,
              },
              {
                header: 'Area · stratum',
                cell: (row) => {
                  const stratum = describeStratum(row.stratumKey);
                  return `${row.areaCode} · ${stratum.lawType}, ${stratum.band}`;
                },
              },
              { header: 'Auditor', cell: (row) => row.assignedTo?.name ?? 'Not assigned' },
              props.canChange && {
                header: 'Change',
                cell: (row) => (
                  <Link href={`/audits/${auditId}/sample/cases/${row.id}`}>
                    Reassign or replace<span className="sr-only"> {row.caseReference}</span>
                  </Link>
                ),
              },
            ]}
          />
          {pages > 1 && (
            <nav aria-label="Pages of sampled cases" className="flex gap-4">
              {filter.page > 1 && (
                <Link href={href(auditId, filter, { page: filter.page - 1 })}>Previous page</Link>
              )}
              {filter.page < pages && (
                <Link href={href(auditId, filter, { page: filter.page + 1 })}>Next page</Link>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
