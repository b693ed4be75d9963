import { DataTable } from '@/components/ui/data-table';
import { describeChallengeFigures, type ChallengeFigures } from '@/lib/domain/challenges';

/** How the audit's grades were challenged, in words and per area (or the reader's own area only). */
export function AuditChallenges({
  figures,
  isOwnAreaOnly,
  levels,
  lowestLevelKey,
}: {
  figures: { overall: ChallengeFigures; byArea: { areaCode: string; figures: ChallengeFigures }[] };
  isOwnAreaOnly: boolean;
  /** The threshold's grade scale, to name grades in words. */
  levels: { key: string; label: string }[];
  lowestLevelKey: string | null | undefined;
}) {
  const levelLabel = (key: string) => levels.find((level) => level.key === key)?.label ?? key;
  const lowestLabel = levels.find((level) => level.key === lowestLevelKey)?.label ?? 'lowest-grade';
  const count = (header: string, value: (figures: ChallengeFigures) => number) => ({
    header,
    isNumeric: true,
    cell: (row: { figures: ChallengeFigures }) => value(row.figures),
  });
  return (
    <section className="card space-y-3" aria-labelledby="challenge-figures-title">
      <h2 id="challenge-figures-title">Challenges</h2>
      <p>{describeChallengeFigures(figures.overall, levelLabel, lowestLabel)}</p>
      <DataTable
        caption={isOwnAreaOnly ? 'Challenges in your service area' : 'Challenges by service area'}
        rows={figures.byArea}
        rowKey={(row) => row.areaCode}
        columns={[
          { header: 'Area', isRowHeader: true, className: 'text-left', cell: (row) => row.areaCode },
          count('Challenged', (each) => each.challenged),
          count('Upheld', (each) => each.upheld),
          count('Re-graded', (each) => each.regraded),
          count('Withdrawn', (each) => each.withdrawn),
          count('Referred', (each) => each.referred),
          count('Open', (each) => each.open),
        ]}
      />
    </section>
  );
}
