import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecommendationFields } from '@/components/improvement/recommendation-fields';
import { SourceFields } from '@/components/improvement/source-fields';
import { ActionForm } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { createRecommendationAction, updateSourceAction } from '@/lib/actions/improvement-register';
import { requireActor } from '@/lib/auth/actor';
import { findRegisterOptions } from '@/lib/db/improvement-register';
import { formatDate } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import {
  JUDGEMENT_SCALE_LABELS,
  RECOMMENDATION_KIND_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  SOURCE_KIND_LABELS,
  truncate,
} from '@/lib/domain/improvement';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';
import { getSource } from '@/lib/use-cases/improvement/get-source';

export const metadata: Metadata = { title: 'Source' };
export const dynamic = 'force-dynamic';

export default async function SourcePage({ params }: { params: Promise<{ sourceId: string }> }) {
  const actor = await requireActor();
  const { sourceId } = await params;
  if (!isUuid(sourceId)) notFound();
  let found: Awaited<ReturnType<typeof getSource>>;
  try {
    found = await getSource(actor, sourceId);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  const { source, recommendations, mayManage } = found;
  const options = mayManage ? await findRegisterOptions() : null;
  const mayBeNational = can(actor, 'recommendation.manage', NATIONAL);
  // An area's source stays in that area unless a national lead moves it.
  const sourceAreas = options
    ? mayBeNational
      ? options.areas
      : options.areas.filter((area) => area.id === source.serviceAreaId)
    : [];
  const recommendationAreas = options
    ? source.serviceAreaId
      ? options.areas.filter((area) => area.id === source.serviceAreaId)
      : options.areas
    : [];
  return (
    <div className="space-y-8">
      <p>
        <Link href="/improvement">Back to the improvement register</Link>
      </p>
      <h1>{source.title}</h1>
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Kind</dt>
          <dd>{SOURCE_KIND_LABELS[source.kind]}</dd>
          <dt className="font-medium">Issued by</dt>
          <dd>
            {source.issuedBy}, {formatDate(source.issuedOn)}
          </dd>
          <dt className="font-medium">Document</dt>
          <dd>{source.document || 'Not recorded'}</dd>
          <dt className="font-medium">Scope</dt>
          <dd>{source.serviceAreaCode ?? 'National'}</dd>
          <dt className="font-medium">Progress judged on</dt>
          <dd>{JUDGEMENT_SCALE_LABELS[source.scale]}</dd>
          <dt className="font-medium">
            {source.kind === 'AREA_IMPROVEMENT_PLAN' ? 'Baseline audit' : 'Audit'}
          </dt>
          <dd>
            {source.auditId ? <Link href={`/audits/${source.auditId}`}>{source.auditName}</Link> : 'None'}
          </dd>
          <dt className="font-medium">Period</dt>
          <dd>
            {source.periodFrom || source.periodTo
              ? `${source.periodFrom ? formatDate(source.periodFrom) : '…'} to ${source.periodTo ? formatDate(source.periodTo) : '…'}`
              : 'Not set'}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="recommendations-title" className="space-y-2">
        <h2 id="recommendations-title">Recommendations</h2>
        <DataTable
          caption={`${recommendations.length} recommendations from this source`}
          captionStyle="hidden"
          empty={mayManage ? 'No recommendations yet. Add the first below.' : 'No recommendations yet.'}
          scroll
          rows={recommendations}
          rowKey={(row) => row.id}
          columns={[
            {
              header: 'No.',
              isRowHeader: true,
              cell: (row) => <Link href={`/improvement/recommendations/${row.id}`}>Rec {row.number}</Link>,
            },
            { header: 'Recommendation', cell: (row) => truncate(row.text, 160) },
            { header: 'Kind', cell: (row) => RECOMMENDATION_KIND_LABELS[row.kind] },
            { header: 'Owner', cell: (row) => row.ownerName ?? '—' },
            { header: 'Due', cell: (row) => (row.dueOn ? formatDate(row.dueOn) : '—') },
            { header: 'Status', cell: (row) => RECOMMENDATION_STATUS_LABELS[row.status] },
            { header: 'Actions', isNumeric: true, cell: (row) => row.actionCount },
          ]}
        />
      </section>
      {options && (
        <>
          <section className="card" aria-labelledby="add-recommendation-title">
            <h2 id="add-recommendation-title">Add a recommendation</h2>
            <ActionForm
              action={createRecommendationAction}
              values={{ sourceId: source.id }}
              submitLabel="Add recommendation"
              successMessage="Recommendation added."
              resetOnSuccess
            >
              <RecommendationFields areas={recommendationAreas} people={options.people} />
            </ActionForm>
          </section>
          <section className="card" aria-labelledby="edit-source-title">
            <details>
              <summary className="cursor-pointer">
                <h2 id="edit-source-title" className="inline">
                  Edit this source
                </h2>
              </summary>
              <ActionForm
                action={updateSourceAction}
                values={{ sourceId: source.id, version: source.version }}
                submitLabel="Save source"
                successMessage="Source saved."
                className="mt-4 space-y-4"
              >
                <SourceFields
                  areas={sourceAreas}
                  mayBeNational={mayBeNational}
                  audits={options.audits}
                  defaults={source}
                />
              </ActionForm>
            </details>
          </section>
        </>
      )}
    </div>
  );
}
