import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PractitionerImport } from '@/components/admin/practitioner-import';
import { importPractitionersAction } from '@/lib/actions/admin-practitioners';
import { requireActor } from '@/lib/auth/actor';
import { can, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Import practitioners' };
export const dynamic = 'force-dynamic';

export default async function ImportPractitionersPage() {
  const actor = await requireActor();
  if (!can(actor, 'practitioner.import', NATIONAL)) notFound();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/practitioners">Back to practitioners</Link>
      </p>
      <h1>Import practitioners</h1>
      <p className="max-w-2xl text-slate-700">
        The whole file is checked first and every problem listed with its line and column. Nothing is written
        unless every row is valid; importing the same file again changes nothing.
      </p>
      <PractitionerImport importAction={importPractitionersAction} />
    </div>
  );
}
