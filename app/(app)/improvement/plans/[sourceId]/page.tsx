import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FunnelFigure } from '@/components/improvement/funnel-figure';
import { ReportTableView } from '@/components/reports/report-table';
import { requireActor } from '@/lib/auth/actor';
import { formatDate } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { actionsTable, gradeFiguresTable } from '@/lib/report/improvement-tables';
import { isUuid } from '@/lib/schemas/fields';
import { getImprovementPlan } from '@/lib/use-cases/improvement/get-improvement-plan';

export const metadata: Metadata = { title: 'Improvement plan: mid-year review' };
export const dynamic = 'force-dynamic';

export default async function ImprovementPlanPage({ params }: { params: Promise<{ sourceId: string }> }) {
  const actor = await requireActor();
  const { sourceId } = await params;
  if (!isUuid(sourceId)) notFound();
  let page;
  try {
    page = await getImprovementPlan(actor, sourceId, new Date());
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  const { plan, areaReport, withheld } = page;
  const actions = actionsTable(
    plan.priorities.flatMap((priority) =>
      priority.actions.map((action) => ({ ...action, recommendation: priority.number })),
    ),
    'actions',
    'Actions',
  );
  const overdue = plan.priorities
    .flatMap((priority) => priority.actions)
    .filter((action) => action.isOverdue);
  const measures = plan.priorities.flatMap((priority) =>
    priority.measures.map((measure) => ({ ...measure, priority: priority.number })),
  );

  return (
    <article className="space-y-10">
      <p className="print:hidden">
        <Link href="/improvement/plans">All area plans</Link> ·{' '}
        <Link href={`/improvement/sources/${plan.id}`}>The plan in the register</Link>
      </p>
      <header className="space-y-1">
        <h1>{plan.title}: mid-year review</h1>
        <p className="text-slate-700">
          Service area {plan.areaCode}
          {plan.periodFrom && plan.periodTo
            ? ` · ${formatDate(plan.periodFrom)} to ${formatDate(plan.periodTo)}`
            : ''}
          {plan.baselineAudit ? ` · baseline: ${plan.baselineAudit.name}` : ''}
          {plan.latestAudit ? ` · latest audit: ${plan.latestAudit.name}` : ''}
        </p>
      </header>

      <div className="grid gap-8 xl:grid-cols-3">
        <section aria-labelledby="measures" className="space-y-4">
          <h2 id="measures">Priorities and their measures</h2>
          {plan.priorities.length === 0 && <p>This plan has no priorities yet.</p>}
          {plan.priorities.map((priority) => (
            <div key={priority.id} className="space-y-2">
              <h3>
                Priority {priority.number}: {priority.text}
              </h3>
              {priority.measures.length === 0 ? (
                <p className="text-slate-700">No measure yet: its progress is judged from its actions.</p>
              ) : (
                <ul className="list-disc space-y-1 pl-6">
                  {priority.measures.map((measure) => (
                    <li key={measure.id}>
                      <span className="font-semibold">{measure.label}</span>: {measure.sentence}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>

        <section aria-labelledby="actions-heading" className="space-y-3">
          <h2 id="actions-heading">Actions</h2>
          <p>
            {overdue.length === 0
              ? 'No action is overdue.'
              : `${overdue.length} action${overdue.length === 1 ? ' is' : 's are'} overdue on ${formatDate(plan.asOf)}.`}
          </p>
          {actions.rows.length === 0 ? <p>No actions yet.</p> : <ReportTableView table={actions} />}
        </section>

        <section aria-labelledby="latest-audit" className="space-y-3">
          <h2 id="latest-audit">Latest audit</h2>
          {withheld ? (
            <p>The latest audit is hidden from you until you submit your benchmark grading in it.</p>
          ) : areaReport ? (
            <>
              <p>
                <Link href={`/reports/${areaReport.audit.id}?area=${plan.serviceAreaId}`}>
                  {areaReport.audit.name}, {plan.areaCode}
                </Link>
                : {areaReport.total} graded case{areaReport.total === 1 ? '' : 's'}.
              </p>
              <ReportTableView table={gradeFiguresTable(areaReport, 'area-figures')} />
            </>
          ) : (
            <p>No published audit has graded cases in {plan.areaCode} yet.</p>
          )}
        </section>
      </div>

      <section aria-labelledby="outliers" className="space-y-6">
        <h2 id="outliers">Outlier teams</h2>
        <p>
          Each team of {plan.areaCode} against the national share of the same cases in the latest audit. A
          funnel plot, not a league table: a team is an outlier only when it lies outside the limits its
          number of cases allows.
        </p>
        {measures.length === 0 && <p>The plan has no measures to plot.</p>}
        {measures.map((measure) =>
          measure.funnel ? (
            <FunnelFigure
              key={measure.id}
              id={`funnel-${measure.id}`}
              title={`Priority ${measure.priority}: ${measure.label}`}
              funnel={measure.funnel}
            />
          ) : (
            <p key={measure.id}>
              Priority {measure.priority}, {measure.label}: no published audit to plot.
            </p>
          ),
        )}
      </section>
    </article>
  );
}
