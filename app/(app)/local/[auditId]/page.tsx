import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OnTargetTables } from '@/components/local/on-target-tables';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { DataTable } from '@/components/ui/data-table';
import { drawLocalMonthAction } from '@/lib/actions/local-programmes';
import { requireActor } from '@/lib/auth/actor';
import { AUDIT_KIND_LABELS } from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
import { addMonths, explainManagerDraw, monthLabel, monthOf } from '@/lib/domain/local-draw';
import { isUuid } from '@/lib/schemas/fields';
import { getLocalProgramme } from '@/lib/use-cases/local-audits/get-local-programme';

export const metadata: Metadata = { title: 'Local audit programme' };
export const dynamic = 'force-dynamic';

type DrawLog = {
  recentFrom?: string;
  recentTo?: string;
  managers?: unknown;
};
type ManagerLog = {
  managerId: string;
  eligible: number;
  alreadyAssigned: number;
  wanted: number;
  drawn: string[];
  shortBy: number;
};

export default async function LocalProgrammePage({ params }: { params: Promise<{ auditId: string }> }) {
  const actor = await requireActor();
  const { auditId } = await params;
  if (!isUuid(auditId)) notFound();
  const now = new Date();
  const page = await getLocalProgramme(actor, auditId, now);
  if (!page) notFound();
  const { programme, onTarget } = page;
  // The month under way and the next (so a draw can be made before the 1st); earlier months are history.
  const drawable = [monthOf(now), addMonths(monthOf(now), 1)].filter(
    (month) =>
      !programme.drawnMonths.includes(month) &&
      month >= `${programme.windowFrom.slice(0, 7)}-01` &&
      month <= programme.windowTo,
  );
  return (
    <div className="space-y-8">
      <p>
        <Link href="/local">All local programmes</Link>
      </p>
      <div>
        <h1>{programme.name}</h1>
        <p className="mt-1 text-slate-700">
          {AUDIT_KIND_LABELS[programme.kind]} · {programme.areaCode ?? 'National'} ·{' '}
          {formatDate(programme.windowFrom)} to {formatDate(programme.windowTo)}
          {page.areaOnly ? ' · your area’s managers only' : ''}
        </p>
      </div>
      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <dl className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-700">Cases per manager per month</dt>
            <dd className="font-semibold">{programme.quota}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">Moderated by the Head of Practice</dt>
            <dd className="font-semibold">{programme.moderationSharePercent}%</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">Recently filed</dt>
            <dd className="font-semibold">{programme.recentDays} days before the month</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">Threshold</dt>
            <dd className="font-semibold">{programme.thresholdLabel}</dd>
          </div>
        </dl>
      </section>
      {page.mayDraw && (
        <section className="card" aria-labelledby="draw-title">
          <h2 id="draw-title">Draw a month</h2>
          {drawable.length === 0 ? (
            <p className="mt-2 text-slate-700">
              This month and next have been drawn, or the programme is not running now.
            </p>
          ) : (
            <ActionForm
              action={drawLocalMonthAction}
              values={{ auditId: programme.auditId }}
              submitLabel="Draw the month"
              successMessage="Month drawn: each manager’s cases are in their queue."
              className="mt-2 grid gap-4 md:grid-cols-2"
              confirm={{
                title: 'Draw this month?',
                body: 'A month is drawn once: the cases go to each Service Manager’s queue and cannot be drawn again.',
                confirmLabel: 'Yes, draw it',
              }}
            >
              <SelectField
                name="month"
                label="Month"
                options={drawable.map((month) => ({ value: month, label: monthLabel(month) }))}
                defaultValue={drawable.includes(monthOf(now)) ? monthOf(now) : drawable[0]}
              />
              <TextField
                name="seed"
                label="Seed"
                hint="Leave empty for a random one. The seed is kept, so the draw can be repeated and checked."
                required={false}
              />
            </ActionForm>
          )}
        </section>
      )}
      {!page.areaOnly && (
        <DataTable
          caption="Months"
          captionStyle="title"
          empty="No cases assigned yet: draw the first month."
          rows={page.months}
          rowKey={(row) => row.month}
          columns={[
            { header: 'Month', isRowHeader: true, cell: (row) => monthLabel(row.month) },
            { header: 'Cases', isNumeric: true, cell: (row) => row.assigned },
            { header: 'Drawn', isNumeric: true, cell: (row) => row.drawn },
            { header: 'Picked by managers', isNumeric: true, cell: (row) => row.picked },
            { header: 'Submitted', isNumeric: true, cell: (row) => row.submitted },
          ]}
        />
      )}
      {!page.areaOnly && (
        <section aria-labelledby="draws-title" className="space-y-4">
          <h2 id="draws-title">Draws</h2>
          {page.draws.length === 0 && <p className="text-slate-700">No month has been drawn yet.</p>}
          {page.draws.map((draw) => {
            const log = (draw.parameters ?? {}) as DrawLog;
            // A draw made elsewhere (imported history) may log only its parameters.
            const managers = Array.isArray(log.managers) ? log.managers : [];
            return (
              <details key={draw.month} className="card">
                <summary className="cursor-pointer font-semibold">
                  {monthLabel(draw.month)}: seed <code>{draw.seed}</code>, drawn{' '}
                  {draw.drawnAt.toLocaleDateString('en-GB', { timeZone: 'Europe/London' })}
                  {draw.drawnByName ? ` by ${draw.drawnByName}` : ''}
                </summary>
                <p className="mt-2 text-sm text-slate-700">
                  Work filed {log.recentFrom ? formatDate(log.recentFrom) : '?'} to{' '}
                  {log.recentTo ? formatDate(log.recentTo) : '?'}; each manager’s cases shuffled by the seed,
                  one per practitioner first.
                </p>
                <DataTable
                  caption={`Draw of ${monthLabel(draw.month)}, by manager`}
                  captionStyle="hidden"
                  scroll
                  rows={(managers as ManagerLog[])
                    .map((row) => ({ ...row, name: page.managerNames[row.managerId] ?? 'Former user' }))
                    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))}
                  rowKey={(row) => row.managerId}
                  empty="No managers are listed in this draw’s log."
                  columns={[
                    {
                      header: 'Service Manager',
                      isRowHeader: true,
                      cell: (row) => row.name,
                    },
                    { header: 'Cases drawn', cell: (row) => row.drawn.join(', ') || 'None' },
                    {
                      header: 'Why',
                      cell: (row) => explainManagerDraw({ ...row, drawn: row.drawn.length }),
                    },
                  ]}
                />
              </details>
            );
          })}
        </section>
      )}
      <OnTargetTables view={onTarget} />
    </div>
  );
}
