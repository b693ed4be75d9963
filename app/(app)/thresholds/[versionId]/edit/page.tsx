import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RubricEditor } from '@/components/thresholds/rubric-editor';
import { publishThresholdVersionAction, saveThresholdDraftAction } from '@/lib/actions/thresholds';
import { requireActor } from '@/lib/auth/actor';
import { getThresholdVersion } from '@/lib/db/thresholds';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';

export const metadata: Metadata = { title: 'Edit threshold document' };
export const dynamic = 'force-dynamic';

export default async function EditThresholdVersionPage({
  params,
}: {
  params: Promise<{ versionId: string }>;
}) {
  const actor = await requireActor();
  if (!can(actor, 'threshold.edit', NATIONAL)) notFound();
  const { versionId } = await params;
  if (!isUuid(versionId)) notFound();
  const version = await getThresholdVersion(versionId);
  if (!version) notFound();
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/thresholds/${version.id}`}>Back to the document</Link>
      </p>
      <h1>
        Edit {version.documentName} ({version.label})
      </h1>
      {version.status !== 'DRAFT' ? (
        <p>
          This version is published and cannot change. Start a new version from the threshold documents page.
        </p>
      ) : (
        <RubricEditor
          versionId={version.id}
          version={version.version}
          label={version.label}
          content={version.content}
          previousSections={
            version.previous?.content.sections.map((section) => ({
              key: section.key,
              title: section.title,
            })) ?? []
          }
          saveAction={saveThresholdDraftAction}
          publishAction={publishThresholdVersionAction}
        />
      )}
    </div>
  );
}
