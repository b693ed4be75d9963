import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RubricPreview } from '@/components/grading/rubric-preview';
import { requireActor } from '@/lib/auth/actor';
import { getThresholdVersion } from '@/lib/db/thresholds';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { describeOverallRule, lowestLevel } from '@/lib/domain/rubric';
import { isUuid } from '@/lib/schemas/fields';

export const metadata: Metadata = { title: 'Threshold document' };
export const dynamic = 'force-dynamic';

export default async function ThresholdVersionPage({ params }: { params: Promise<{ versionId: string }> }) {
  const actor = await requireActor();
  if (!can(actor, 'threshold.view', NATIONAL)) notFound();
  const { versionId } = await params;
  if (!isUuid(versionId)) notFound();
  const version = await getThresholdVersion(versionId);
  if (!version) notFound();
  const { content } = version;
  const isDraft = version.status === 'DRAFT';
  const previousTitles = new Map(
    version.previous?.content.sections.map((section) => [section.key, section.title]) ?? [],
  );
  return (
    <div className="space-y-8">
      <p>
        <Link href="/thresholds">Back to threshold documents</Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1>
            {version.documentName} ({version.label})
          </h1>
          <p className="mt-1 text-slate-700">
            Version {version.number} ·{' '}
            {isDraft
              ? 'Draft: not yet usable by audits'
              : `Published ${version.publishedAt?.toLocaleDateString('en-GB', { timeZone: 'Europe/London' }) ?? ''}; it cannot change`}
          </p>
        </div>
        {isDraft && can(actor, 'threshold.edit', NATIONAL) && (
          <Link href={`/thresholds/${version.id}/edit`} className="btn btn-primary">
            Edit draft
          </Link>
        )}
      </div>
      <section className="card space-y-2" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <p>
          Scale, highest first: {content.scale.levels.map((level) => level.label).join(' / ')}. Good or above:{' '}
          {content.scale.levels
            .filter((level) => level.isGoodOrAbove)
            .map((level) => level.label)
            .join(', ') || 'none'}
          . Lowest level (sent for area review): {lowestLevel(content.scale)?.label ?? 'not set'}.
        </p>
        <p>Overall grade: {describeOverallRule(content)}.</p>
      </section>
      {version.previous && (
        <section className="card" aria-labelledby="mapping-title">
          <h2 id="mapping-title">How sections map to the previous version ({version.previous.label})</h2>
          <table className="data-table mt-2">
            <thead>
              <tr>
                <th scope="col">Section in this version</th>
                <th scope="col">Replaces</th>
              </tr>
            </thead>
            <tbody>
              {content.sections.map((section) => (
                <tr key={section.key}>
                  <td>{section.title}</td>
                  <td>
                    {section.replaces.length === 0
                      ? 'New section'
                      : section.replaces.map((key) => previousTitles.get(key) ?? key).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="preview-title" className="space-y-4">
        <h2 id="preview-title">Preview: the grading form as an auditor sees it</h2>
        <RubricPreview content={content} />
      </section>
    </div>
  );
}
