import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssignmentSummary, ReplacementLog } from '@/components/sampling/assignment-summary';
import { DrawSample } from '@/components/sampling/draw-sample';
import { SampleBreakdown } from '@/components/sampling/sample-breakdown';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { findSampledCasesPage } from '@/lib/db/sample-cases';
import { assignmentLoads } from '@/lib/db/assignment';
import { findReplacements, getSamplingContext, sampleBreakdown } from '@/lib/db/sampling';
import { AUDIT_STATUS_LABELS } from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';
import { SampleCasesFilterSchema } from '@/lib/schemas/sample';
import { SampledCases } from './sampled-cases';

export const metadata: Metadata = { title: 'Sample' };
export const dynamic = 'force-dynamic';

export default async function SamplePage({
  params,
  searchParams,
}: {
  params: Promise<{ auditId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, 'sample.view', NATIONAL)) notFound();
  const { auditId } = await params;
  if (!isUuid(auditId)) notFound();
  const context = await getSamplingContext(auditId);
  if (!context) notFound();
  const canManage = can(actor, 'sample.manage', NATIONAL);
  const sample = context.sample;
  const locked = Boolean(sample?.lockedAt);
  const filter = SampleCasesFilterSchema.parse(await searchParams);
  const [breakdown, page, loads, replacements, areas] = await Promise.all([
    sample ? sampleBreakdown(auditId) : [],
    sample ? findSampledCasesPage(auditId, filter) : null,
    locked ? assignmentLoads(auditId) : [],
    locked ? findReplacements(auditId) : [],
    sample ? findServiceAreaOptions() : [],
  ]);
  const selected = page?.selected ?? 0;
  const unassigned = page?.unassigned ?? 0;

  return (
    <div className="space-y-8">
      <p>
        <Link href={`/audits/${auditId}`}>Back to {context.auditName}</Link>
      </p>
      <div>
        <h1>Sample: {context.auditName}</h1>
        <p className="mt-1 text-slate-700">
          {AUDIT_STATUS_LABELS[context.status]} · work filed {formatDate(context.windowFrom)} to{' '}
          {formatDate(context.windowTo)} ·{' '}
          {sample ? (locked ? 'Sample locked' : 'Sample drawn, not yet locked') : 'No sample yet'}
        </p>
      </div>

      {canManage && !locked && (
        <DrawSample
          auditId={auditId}
          auditName={context.auditName}
          isSampling={context.status === 'SAMPLING'}
          sample={sample}
        />
      )}
      {sample && (
        <SampleBreakdown
          auditId={auditId}
          sample={sample}
          breakdown={breakdown}
          canLock={canManage && !locked}
        />
      )}
      {locked && (
        <AssignmentSummary
          auditId={auditId}
          selected={selected}
          unassigned={unassigned}
          loads={loads}
          canAssign={canManage}
        />
      )}
      {page && (
        <SampledCases
          auditId={auditId}
          filter={filter}
          cases={page.cases}
          total={page.total}
          selected={page.selected}
          areas={areas}
          canChange={canManage && locked}
        />
      )}

      {replacements.length > 0 && <ReplacementLog replacements={replacements} />}
    </div>
  );
}
