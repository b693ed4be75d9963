import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CalibrationGroupsTable } from '@/components/moderation/calibration-groups';
import { AreaFilter } from '@/components/ui/area-filter';
import { requireActor } from '@/lib/auth/actor';
import type { CalibrationComparison } from '@/lib/domain/local-calibration';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { LocalCalibrationQuerySchema } from '@/lib/schemas/local-moderation';
import { findModerationAreas } from '@/lib/use-cases/moderation/find-moderation-areas';
import { getLocalCalibration } from '@/lib/use-cases/moderation/get-local-calibration';

export const metadata: Metadata = { title: 'Local calibration' };
export const dynamic = 'force-dynamic';

const nextMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
};

function Comparison({
  id,
  title,
  comparison,
}: {
  id: string;
  title: string;
  comparison: CalibrationComparison;
}) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id}>{title}</h2>
      <p className="text-slate-700">
        {comparison.overall.pairs === 0
          ? 'No pairs in this period.'
          : `${comparison.overall.biasWords} ${comparison.overall.agreement.percentAgreement.words}.`}
        {comparison.leftOut > 0 &&
          ` ${comparison.leftOut} pair${comparison.leftOut === 1 ? ' was' : 's were'} graded on another scale and left out.`}
      </p>
      {comparison.overall.pairs > 0 && (
        <CalibrationGroupsTable caption={`${title}: by area`} groupHeader="Area" groups={comparison.areas} />
      )}
      {comparison.areas.map((area) => (
        <details key={area.key} className="card space-y-3">
          <summary className="font-semibold">
            {area.label}: by team and by manager ({area.pairs} pair{area.pairs === 1 ? '' : 's'})
          </summary>
          <p>{area.biasWords}</p>
          <CalibrationGroupsTable
            caption={`${title}, ${area.label}: by team`}
            groupHeader="Team"
            groups={area.teams}
          />
          <CalibrationGroupsTable
            caption={`${title}, ${area.label}: by manager`}
            groupHeader="Manager"
            groups={area.managers}
          />
        </details>
      ))}
    </section>
  );
}

/** Local grading against moderation and against the national audit, for a period. */
export default async function LocalCalibrationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const national = can(actor, 'localCalibration.view', NATIONAL);
  if (!national && !(actor.serviceAreaId && can(actor, 'localCalibration.view', inArea(actor.serviceAreaId))))
    notFound();
  const raw = await searchParams;
  const query = LocalCalibrationQuerySchema.parse({
    from: typeof raw.from === 'string' && raw.from ? raw.from : undefined,
    to: typeof raw.to === 'string' && raw.to ? raw.to : undefined,
    area: typeof raw.area === 'string' && raw.area ? raw.area : undefined,
  });
  const [view, areas] = await Promise.all([
    getLocalCalibration(actor, {
      serviceAreaId: query.area ?? null,
      from: query.from ? `${query.from}-01` : null,
      to: query.to ? nextMonth(query.to) : null,
    }),
    national ? findModerationAreas(actor) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-8">
      <div>
        <h1>Local calibration</h1>
        <p className="mt-1 text-slate-700">
          Do local managers grade to the same threshold as their Head of Practice, and as the national audit?
          Each moderated case pairs the manager’s grade with the Head of Practice’s blind grade. A positive
          difference means the manager graded higher; the intervals are 95% (Student’s t for the mean
          difference, Wilson for shares and agreement).
        </p>
      </div>
      <form method="get" className="card flex flex-wrap items-end gap-4" aria-label="Period">
        <div className="field">
          <label htmlFor="from" className="block font-medium">
            From month
          </label>
          <input id="from" name="from" type="month" className="input" defaultValue={query.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="to" className="block font-medium">
            To month
          </label>
          <input id="to" name="to" type="month" className="input" defaultValue={query.to ?? ''} />
        </div>
        {national && <AreaFilter areas={areas} selected={view.serviceAreaId} />}
        <button type="submit" className="btn btn-secondary">
          Show
        </button>
      </form>
      <section aria-labelledby="flags" className="card space-y-2">
        <h2 id="flags">More generous than moderation beyond noise</h2>
        {view.flags.length === 0 ? (
          <p>No area, team or manager grades more generously than moderation beyond noise in this period.</p>
        ) : (
          <ul className="list-disc pl-5">
            {view.flags.map((flag) => (
              <li key={flag}>{flag}</li>
            ))}
          </ul>
        )}
      </section>
      <Comparison
        id="moderation"
        title="Against moderation by the Head of Practice"
        comparison={view.moderation}
      />
      <Comparison
        id="national"
        title="Against the national audit (the same cases)"
        comparison={view.national}
      />
    </div>
  );
}
