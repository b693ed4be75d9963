import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { DataTable } from '@/components/ui/data-table';
import { createThresholdDocumentAction, startThresholdVersionAction } from '@/lib/actions/thresholds';
import { requireActor } from '@/lib/auth/actor';
import { findThresholdDocuments } from '@/lib/db/thresholds';
import { can, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Threshold documents' };
export const dynamic = 'force-dynamic';

export default async function ThresholdDocumentsPage() {
  const actor = await requireActor();
  if (!can(actor, 'threshold.view', NATIONAL)) notFound();
  const canEdit = can(actor, 'threshold.edit', NATIONAL);
  const documents = await findThresholdDocuments();
  return (
    <div className="space-y-8">
      <div>
        <h1>Threshold documents</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Each audit is graded against one published version of a threshold document. A published version
          never changes; a new version starts as a copy of the last one.
        </p>
      </div>
      {documents.length === 0 && <p>No threshold documents yet.</p>}
      {documents.map((document) => {
        const hasDraft = document.versions.some((version) => version.status === 'DRAFT');
        const hasPublished = document.versions.some((version) => version.status === 'PUBLISHED');
        return (
          <section key={document.id} className="card space-y-4" aria-labelledby={`document-${document.id}`}>
            <h2 id={`document-${document.id}`}>{document.name}</h2>
            <DataTable
              rows={document.versions}
              rowKey={(version) => version.id}
              columns={[
                {
                  header: 'Version',
                  cell: (version) => (
                    <Link href={`/thresholds/${version.id}`}>
                      {version.number}. {version.label}
                    </Link>
                  ),
                },
                {
                  header: 'Status',
                  cell: (version) =>
                    version.status === 'DRAFT' ? <span className="tag">Draft</span> : 'Published',
                },
                {
                  header: 'Published',
                  cell: (version) =>
                    version.publishedAt
                      ? version.publishedAt.toLocaleDateString('en-GB', { timeZone: 'Europe/London' })
                      : '—',
                },
                { header: 'Audits using it', isNumeric: true, cell: (version) => version.auditCount },
              ]}
            />
            {canEdit && hasPublished && !hasDraft && (
              <details>
                <summary className="cursor-pointer font-medium">
                  Start a new version of {document.name}
                </summary>
                <ActionForm
                  action={startThresholdVersionAction}
                  values={{ documentId: document.id }}
                  submitLabel="Start new version"
                  successMessage="New draft started: open it from the list above."
                  className="mt-3 space-y-3"
                >
                  <TextField
                    name="label"
                    label="New version name"
                    hint="For example “April 2015”. It starts as a copy of the latest published version."
                  />
                </ActionForm>
              </details>
            )}
          </section>
        );
      })}
      {canEdit && (
        <section className="card" aria-labelledby="new-document-title">
          <h2 id="new-document-title">New threshold document</h2>
          <ActionForm
            action={createThresholdDocumentAction}
            submitLabel="Create draft"
            successMessage="Draft created: open it from the list above."
            resetOnSuccess
          >
            <TextField
              name="name"
              label="Document name"
              hint="For example “Quality Improvement Audit Tool”."
            />
            <TextField name="label" label="First version name" hint="For example “October 2014”." />
            <SelectField
              name="scale"
              label="Grade scale"
              options={[
                { value: 'three-point', label: 'Good / Met / Not Met' },
                { value: 'four-point', label: 'Outstanding / Good / Requires Improvement / Inadequate' },
              ]}
            />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
