import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SourceFields } from '@/components/improvement/source-fields';
import { ActionForm } from '@/components/ui/action-form';
import { AreaFilter } from '@/components/ui/area-filter';
import { DataTable } from '@/components/ui/data-table';
import { createSourceAction } from '@/lib/actions/improvement-register';
import { requireActor } from '@/lib/auth/actor';
import { findRegisterOptions } from '@/lib/db/improvement-register';
import { LAW_TYPE_LABELS } from '@/lib/domain/audits';
import { formatDate, isoDay } from '@/lib/domain/dates';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import {
  isRecommendationOverdue,
  RECOMMENDATION_KIND_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  RECOMMENDATION_STATUSES,
  SOURCE_KIND_LABELS,
  truncate,
} from '@/lib/domain/improvement';
import { RegisterFilterSchema } from '@/lib/schemas/improvement-register';
import { findRegister, type Register } from '@/lib/use-cases/improvement/find-register';
import { OverdueTag } from '@/components/improvement/overdue-tag';

export const metadata: Metadata = { title: 'Improvement register' };
export const dynamic = 'force-dynamic';

export default async function ImprovementRegisterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const filter = RegisterFilterSchema.parse(await searchParams);
  const now = new Date();
  const today = isoDay(now);
  let register: Register;
  try {
    register = await findRegister(actor, filter, now);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  const options = await findRegisterOptions();
  const filtered = filter.sourceId !== null || filter.status !== null || filter.serviceAreaId !== null;
  const sourceAreas = register.mayAddNational
    ? options.areas
    : options.areas.filter((area) => area.id === register.mayAddInArea);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>Improvement register</h1>
        {register.mayImport && (
          <Link href="/improvement/import" className="btn btn-secondary">
            Import from CSV or XLSX
          </Link>
        )}
      </div>
      <nav aria-label="The improvement loop" className="flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/improvement/reviews">Progress reviews</Link>
        {can(actor, 'dashboard.area', actor.serviceAreaId ? inArea(actor.serviceAreaId) : NATIONAL) && (
          <Link href="/improvement/inspections">Inspection judgements</Link>
        )}
        {can(actor, 'boardPack.view', NATIONAL) && <Link href="/improvement/board-pack">Board pack</Link>}
      </nav>
      <section aria-labelledby="sources-title" className="space-y-2">
        <h2 id="sources-title">Sources</h2>
        <DataTable
          caption="Inspections, reviews, audits’ key learning and area improvement plans"
          captionStyle="hidden"
          empty={
            register.mayAddNational || register.mayAddInArea
              ? 'No sources yet. Add one below, or import a file.'
              : 'No sources yet.'
          }
          scroll
          rows={register.sources}
          rowKey={(source) => source.id}
          columns={[
            {
              header: 'Source',
              isRowHeader: true,
              cell: (source) => <Link href={`/improvement/sources/${source.id}`}>{source.title}</Link>,
            },
            { header: 'Kind', cell: (source) => SOURCE_KIND_LABELS[source.kind] },
            { header: 'Issued by', cell: (source) => source.issuedBy },
            { header: 'Issued on', cell: (source) => formatDate(source.issuedOn) },
            { header: 'Scope', cell: (source) => source.serviceAreaCode ?? 'National' },
            { header: 'Recommendations', isNumeric: true, cell: (source) => source.recommendationCount },
          ]}
        />
      </section>
      <section aria-labelledby="recommendations-title" className="space-y-4">
        <h2 id="recommendations-title">Recommendations</h2>
        <form
          method="get"
          role="search"
          aria-label="Filter recommendations"
          className="flex flex-wrap items-end gap-4"
        >
          <div className="field">
            <label htmlFor="source" className="block font-medium">
              Source
            </label>
            <select id="source" name="source" defaultValue={filter.sourceId ?? ''} className="input">
              <option value="">All sources</option>
              {register.sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="status" className="block font-medium">
              Status
            </label>
            <select id="status" name="status" defaultValue={filter.status ?? ''} className="input">
              <option value="">Open and closed</option>
              {RECOMMENDATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {RECOMMENDATION_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </div>
          <AreaFilter areas={options.areas} selected={filter.serviceAreaId} />
          <button type="submit" className="btn btn-primary">
            Filter
          </button>
          {filtered && <Link href="/improvement">Clear filters</Link>}
        </form>
        <DataTable
          caption={`${register.rows.length.toLocaleString('en-GB')} recommendations${filtered ? ' match the filters' : ''}`}
          empty={
            filtered
              ? 'No recommendations match these filters.'
              : register.sources.length === 0
                ? 'No recommendations yet: add a source first.'
                : 'No recommendations yet: open a source to add them.'
          }
          scroll={{ label: 'Recommendations (scrolls sideways)' }}
          rows={register.rows}
          rowKey={(row) => row.id}
          columns={[
            {
              header: 'No.',
              isRowHeader: true,
              cell: (row) => <Link href={`/improvement/recommendations/${row.id}`}>Rec {row.number}</Link>,
            },
            {
              header: 'Recommendation',
              cell: (row) => <span title={row.text}>{truncate(row.text, 120)}</span>,
            },
            {
              header: 'Source',
              cell: (row) => <Link href={`/improvement/sources/${row.sourceId}`}>{row.sourceTitle}</Link>,
            },
            { header: 'Kind', cell: (row) => RECOMMENDATION_KIND_LABELS[row.kind] },
            {
              header: 'Scope',
              cell: (row) =>
                [
                  row.serviceAreaCodes.length > 0 ? row.serviceAreaCodes.join(', ') : 'National',
                  ...row.lawTypes.map((lawType) => LAW_TYPE_LABELS[lawType]),
                ].join(' · '),
            },
            { header: 'Owner', cell: (row) => row.ownerName ?? '—' },
            {
              header: 'Due',
              cell: (row) => (
                <>
                  {row.dueOn ? formatDate(row.dueOn) : '—'}
                  {isRecommendationOverdue(row, today) && <OverdueTag />}
                </>
              ),
            },
            { header: 'Status', cell: (row) => RECOMMENDATION_STATUS_LABELS[row.status] },
            {
              header: 'Open actions',
              isNumeric: true,
              cell: (row) => (
                <>
                  {row.openActions}
                  {row.overdueActions > 0 && <OverdueTag>{row.overdueActions} overdue</OverdueTag>}
                </>
              ),
            },
            {
              header: 'Latest judgement',
              cell: (row) =>
                row.latestJudgement
                  ? `${row.latestJudgement.judgement} (${formatDate(row.latestJudgement.judgedOn)})`
                  : 'Not judged yet',
            },
          ]}
        />
      </section>
      {(register.mayAddNational || register.mayAddInArea) && (
        <section className="card" aria-labelledby="add-source-title">
          <h2 id="add-source-title">Add a source</h2>
          <ActionForm
            action={createSourceAction}
            submitLabel="Add source"
            successMessage="Source added."
            redirectTo="/improvement/sources/{sourceId}"
          >
            <SourceFields
              areas={sourceAreas}
              mayBeNational={register.mayAddNational}
              audits={options.audits}
            />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
