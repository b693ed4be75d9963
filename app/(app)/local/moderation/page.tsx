import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { SelectField, TextField } from '@/components/ui/fields';
import { drawModerationsAction } from '@/lib/actions/local-moderation';
import { requireActor } from '@/lib/auth/actor';
import { MODERATION_STATUS_LABELS } from '@/lib/domain/local-moderation';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { findModerationDraws } from '@/lib/use-cases/moderation/find-moderation-draws';
import { findMyModerations } from '@/lib/use-cases/moderation/find-my-moderations';

export const metadata: Metadata = { title: 'Moderation' };
export const dynamic = 'force-dynamic';

/** A Head of Practice's moderations to do and done; the draw for those who run it. */
export default async function ModerationPage() {
  const actor = await requireActor();
  const where = actor.serviceAreaId ? inArea(actor.serviceAreaId) : NATIONAL;
  const mayGrade = can(actor, 'moderation.grade', where);
  const mayDraw = can(actor, 'moderation.manage', NATIONAL) || can(actor, 'moderation.manage', where);
  if (!mayGrade && !mayDraw) notFound();
  const [moderations, draws] = await Promise.all([
    mayGrade ? findMyModerations(actor) : Promise.resolve([]),
    mayDraw ? findModerationDraws(actor) : Promise.resolve(null),
  ]);
  const toDo = moderations.filter((moderation) => moderation.status !== 'MODERATED');
  const done = moderations.filter((moderation) => moderation.status === 'MODERATED');
  const columns = [
    {
      header: 'Case',
      isRowHeader: true,
      className: 'font-normal',
      cell: (moderation: (typeof moderations)[number]) => (
        <Link href={`/local/moderation/${moderation.id}`}>{moderation.caseReference}</Link>
      ),
    },
    { header: 'Audit', cell: (moderation: (typeof moderations)[number]) => moderation.auditName },
    { header: 'Team', cell: (moderation: (typeof moderations)[number]) => moderation.teamName ?? '' },
    { header: 'Month', cell: (moderation: (typeof moderations)[number]) => moderation.month ?? '' },
    {
      header: 'Status',
      cell: (moderation: (typeof moderations)[number]) =>
        MODERATION_STATUS_LABELS[moderation.status] ?? moderation.status,
    },
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1>Moderation</h1>
        <p className="mt-1 text-slate-700">
          A share of each area’s local audits is re-graded blind by its Head of Practice. You see the
          manager’s grades only after you submit yours; then you agree the grade.{' '}
          <Link href="/local/calibration">Local calibration</Link> shows how the managers’ grades compare.
        </p>
      </div>
      {mayGrade && (
        <>
          <section aria-labelledby="to-do" className="space-y-2">
            <h2 id="to-do">To do ({toDo.length})</h2>
            <DataTable
              caption="Moderations to do"
              captionStyle="hidden"
              empty="No local audits are waiting for your moderation."
              emptyClassName="card"
              rows={toDo}
              rowKey={(moderation) => moderation.id}
              columns={columns}
            />
          </section>
          <section aria-labelledby="done" className="space-y-2">
            <h2 id="done">Done ({done.length})</h2>
            <DataTable
              caption="Moderations done"
              captionStyle="hidden"
              empty="You have not agreed a moderation yet."
              emptyClassName="card"
              rows={done}
              rowKey={(moderation) => moderation.id}
              columns={columns}
            />
          </section>
        </>
      )}
      {draws && (
        <section aria-labelledby="draw" className="card space-y-4">
          <h2 id="draw">Draw a period’s moderations</h2>
          <p className="text-sm text-slate-700">
            The draw takes the programme’s share (10% unless it says otherwise) of the area’s submitted local
            audits in the month or quarter, every manager at least once, for the area’s Head of Practice. It
            is seeded and logged, so it can be repeated; each period is drawn once.
          </p>
          <ActionForm
            action={drawModerationsAction}
            submitLabel="Draw the moderations"
            successMessage="Moderations drawn: the Head of Practice has been told."
            confirm={{
              title: 'Draw this period’s moderations?',
              body: 'A period is drawn once: it cannot be drawn again.',
              confirmLabel: 'Yes, draw them',
            }}
          >
            <SelectField
              name="serviceAreaId"
              label="Service area"
              options={draws.areas.map((area) => ({ value: area.id, label: area.code }))}
              defaultValue={draws.areas.length === 1 ? draws.areas[0]!.id : ''}
              placeholder="Choose a service area"
            />
            <TextField
              name="period"
              label="Month or quarter"
              hint="A month such as 2023-04, or a quarter such as 2023-Q2."
            />
          </ActionForm>
          <DataTable
            caption="Draws so far"
            captionStyle="title"
            empty="No moderations have been drawn yet."
            rows={draws.log}
            rowKey={(entry) => `${entry.serviceAreaId}-${entry.period}-${entry.seed}`}
            columns={[
              {
                header: 'Area',
                isRowHeader: true,
                className: 'font-normal',
                cell: (entry) => entry.areaCode,
              },
              { header: 'Period', cell: (entry) => entry.period },
              {
                header: 'Share',
                isNumeric: true,
                cell: (entry) => (entry.sharePercent === null ? 'History' : `${entry.sharePercent}%`),
              },
              { header: 'Local audits', isNumeric: true, cell: (entry) => entry.candidates },
              { header: 'Drawn', isNumeric: true, cell: (entry) => entry.chosen },
              { header: 'Seed', cell: (entry) => <code className="text-xs">{entry.seed}</code> },
            ]}
          />
        </section>
      )}
    </div>
  );
}
