import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable } from '@/components/ui/data-table';
import { requireActor } from '@/lib/auth/actor';
import { formatDate } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { findImprovementPlans } from '@/lib/use-cases/improvement/find-improvement-plans';

export const metadata: Metadata = { title: 'Area improvement plans' };
export const dynamic = 'force-dynamic';

export default async function ImprovementPlansPage() {
  const actor = await requireActor();
  let plans;
  try {
    plans = await findImprovementPlans(actor, new Date());
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    throw error;
  }
  return (
    <div className="space-y-6">
      <div>
        <h1>Area improvement plans</h1>
        <p className="mt-1 text-slate-700">
          Each area’s plan: its baseline, targets and outlier teams, and its mid-year review.
        </p>
      </div>
      <DataTable
        caption="Area improvement plans"
        captionStyle="hidden"
        empty="No area has an improvement plan yet."
        emptyClassName="card"
        rows={plans}
        rowKey={(plan) => plan.id}
        columns={[
          {
            header: 'Plan',
            isRowHeader: true,
            className: 'font-normal',
            cell: (plan) => <Link href={`/improvement/plans/${plan.id}`}>{plan.title}</Link>,
          },
          { header: 'Service area', cell: (plan) => plan.areaCode },
          {
            header: 'Period',
            cell: (plan) =>
              plan.periodFrom && plan.periodTo
                ? `${formatDate(plan.periodFrom)} to ${formatDate(plan.periodTo)}`
                : '–',
          },
          { header: 'Priorities', isNumeric: true, cell: (plan) => plan.priorities },
          { header: 'Open actions', isNumeric: true, cell: (plan) => plan.openActions },
          { header: 'Overdue actions', isNumeric: true, cell: (plan) => plan.overdueActions },
        ]}
      />
    </div>
  );
}
