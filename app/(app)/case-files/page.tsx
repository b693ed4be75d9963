import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CaseIndexImport } from '@/components/case-files/case-index-import';
import { importCaseIndexAction } from '@/lib/actions/case-files';
import { requireActor } from '@/lib/auth/actor';
import { caseIndexStatistics } from '@/lib/db/case-files';
import { LAW_TYPE_LABELS } from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
import { can, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Case-file index' };
export const dynamic = 'force-dynamic';

export default async function CaseFilesPage() {
  const actor = await requireActor();
  if (!can(actor, 'caseIndex.view', NATIONAL)) notFound();
  const statistics = await caseIndexStatistics();
  return (
    <div className="space-y-8">
      <div>
        <h1>Case-file index</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          The filed documents that samples are drawn from: each practitioner’s most recently filed work inside
          an audit’s window.
        </p>
      </div>
      <section className="card" aria-labelledby="index-title">
        <h2 id="index-title">In the index</h2>
        {statistics.caseFiles === 0 ? (
          <p className="mt-2">The index is empty. Import a case-file index to draw samples from it.</p>
        ) : (
          <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
            <div>
              <dt className="text-sm text-slate-700">Cases</dt>
              <dd className="text-2xl font-bold">{statistics.caseFiles.toLocaleString('en-GB')}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-700">Filed documents</dt>
              <dd className="text-2xl font-bold">{statistics.documents.toLocaleString('en-GB')}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-700">Latest filing</dt>
              <dd className="text-2xl font-bold">
                {statistics.latestFiling ? formatDate(statistics.latestFiling) : '—'}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-700">Cases by law type</dt>
              <dd>
                {statistics.byLawType.map((row) => (
                  <span key={row.lawType} className="block">
                    {LAW_TYPE_LABELS[row.lawType]}: {row.cases.toLocaleString('en-GB')}
                  </span>
                ))}
              </dd>
            </div>
          </dl>
        )}
      </section>
      {can(actor, 'caseIndex.import', NATIONAL) && (
        <section className="space-y-4" aria-labelledby="import-title">
          <h2 id="import-title">Import</h2>
          <p className="max-w-3xl text-slate-700">
            Every row is checked first and every problem listed. Nothing is written unless every row is valid;
            importing the same file again adds nothing.
          </p>
          <CaseIndexImport importAction={importCaseIndexAction} />
        </section>
      )}
    </div>
  );
}
