import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { DataTable } from '@/components/ui/data-table';
import { createLocalProgrammeAction } from '@/lib/actions/local-programmes';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { findPublishedVersionOptions } from '@/lib/db/thresholds';
import { AUDIT_KIND_LABELS } from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
import {
  DEFAULT_MODERATION_SHARE_PERCENT,
  DEFAULT_QUOTA_PER_MONTH,
  DEFAULT_RECENT_DAYS,
} from '@/lib/domain/local-draw';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { findLocalProgrammes } from '@/lib/use-cases/local-audits/find-local-programmes';

export const metadata: Metadata = { title: 'Local audit programmes' };
export const dynamic = 'force-dynamic';

/** April to March: the service's year, as programmes are named ("2026/27"). */
function financialYear(now: Date): { from: string; to: string; label: string } {
  const year = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return {
    from: `${year}-04-01`,
    to: `${year + 1}-03-31`,
    label: `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
  };
}

export default async function LocalProgrammesPage() {
  const actor = await requireActor();
  const national = can(actor, 'localProgramme.manage', NATIONAL);
  const own =
    actor.serviceAreaId !== null && can(actor, 'localProgramme.manage', inArea(actor.serviceAreaId));
  if (!national && !own) notFound();
  const [programmes, versions, areas] = await Promise.all([
    findLocalProgrammes(actor),
    findPublishedVersionOptions(),
    findServiceAreaOptions(),
  ]);
  const year = financialYear(new Date());
  const areaOptions = national
    ? [
        { value: 'national', label: 'National: every area' },
        ...areas.map((area) => ({ value: area.id, label: area.code })),
      ]
    : areas
        .filter((area) => area.id === actor.serviceAreaId)
        .map((area) => ({ value: area.id, label: area.code }));
  return (
    <div className="space-y-8">
      <div>
        <h1>Local audit programmes</h1>
        <p className="mt-1 text-slate-700">
          Each month every Service Manager audits a quota of their own teams’ recently filed work, drawn at
          random or picked with a reason.
        </p>
      </div>
      <DataTable
        caption={`${programmes.length} programme${programmes.length === 1 ? '' : 's'}, latest first`}
        empty="No local programmes yet. Set one up below."
        scroll
        rows={programmes}
        rowKey={(programme) => programme.auditId}
        columns={[
          {
            header: 'Programme',
            isRowHeader: true,
            cell: (programme) => <Link href={`/local/${programme.auditId}`}>{programme.name}</Link>,
          },
          { header: 'Kind', cell: (programme) => AUDIT_KIND_LABELS[programme.kind] },
          {
            header: 'Scope',
            cell: (programme) =>
              programme.areaCodes.length === 0 ? 'National' : programme.areaCodes.join(', '),
          },
          {
            header: 'Period',
            cell: (programme) => `${formatDate(programme.windowFrom)} to ${formatDate(programme.windowTo)}`,
          },
          { header: 'Quota a month', isNumeric: true, cell: (programme) => programme.quota },
          { header: 'Months drawn', isNumeric: true, cell: (programme) => programme.monthsDrawn },
          {
            header: 'Audits submitted',
            isNumeric: true,
            cell: (programme) =>
              `${programme.submitted.toLocaleString('en-GB')} of ${programme.assigned.toLocaleString('en-GB')}`,
          },
        ]}
      />
      <section className="card" aria-labelledby="new-programme-title">
        <h2 id="new-programme-title">New programme</h2>
        {versions.length === 0 ? (
          <p className="mt-2">
            Publish a threshold document first: <Link href="/thresholds">threshold documents</Link>.
          </p>
        ) : (
          <ActionForm
            action={createLocalProgrammeAction}
            submitLabel="Create programme"
            successMessage="Programme created."
            redirectTo="/local/{id}"
            className="mt-2 grid gap-4 md:grid-cols-2"
          >
            <TextField
              name="name"
              label="Name"
              defaultValue={`Local quality and impact audits ${year.label}`}
            />
            <SelectField
              name="kind"
              label="Kind of audit"
              defaultValue="LOCAL_QUALITY_IMPACT"
              options={(['LOCAL_QUALITY_IMPACT', 'PERFORMANCE_BOARD'] as const).map((kind) => ({
                value: kind,
                label: AUDIT_KIND_LABELS[kind],
              }))}
            />
            <SelectField
              name="serviceAreaId"
              label="Scope"
              options={areaOptions}
              defaultValue={areaOptions[0]?.value ?? ''}
            />
            <SelectField
              name="thresholdVersionId"
              label="Threshold version"
              options={versions.map((version) => ({ value: version.id, label: version.name }))}
              placeholder="Choose a published version"
            />
            <TextField name="windowFrom" label="First day" type="date" defaultValue={year.from} />
            <TextField name="windowTo" label="Last day" type="date" defaultValue={year.to} />
            <TextField
              name="quota"
              label="Cases per manager per month"
              type="number"
              defaultValue={String(DEFAULT_QUOTA_PER_MONTH)}
            />
            <TextField
              name="moderationSharePercent"
              label="Share moderated by the Head of Practice (%)"
              type="number"
              defaultValue={String(DEFAULT_MODERATION_SHARE_PERCENT)}
            />
            <TextField
              name="recentDays"
              label="Recently filed: days before the month"
              hint="The draw chooses from cases with a document filed in these days before the month starts."
              type="number"
              defaultValue={String(DEFAULT_RECENT_DAYS)}
            />
          </ActionForm>
        )}
      </section>
    </div>
  );
}
