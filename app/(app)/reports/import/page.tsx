import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ResultsImport } from '@/components/reports/results-import';
import { importResultsAction } from '@/lib/actions/reports';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { can, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Import results of a past audit' };
export const dynamic = 'force-dynamic';

export default async function ImportResultsPage() {
  const actor = await requireActor();
  if (!can(actor, 'results.import', NATIONAL)) notFound();
  const areas = await findServiceAreaOptions();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/reports">Back to reports</Link>
      </p>
      <div>
        <h1>Import results of a past audit</h1>
        <p className="mt-1 text-slate-700">
          So trends exist from the first day. Every row is checked first; nothing is written unless every row
          is good, and practitioners Threshold does not know are created only after you confirm.
        </p>
      </div>
      <ResultsImport
        importAction={importResultsAction}
        areaCodes={Object.fromEntries(areas.map((area) => [area.id, area.code]))}
      />
    </div>
  );
}
