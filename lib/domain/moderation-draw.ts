// The moderation draw (issue 17 §5): each period, a share of an area's submitted
// local audits goes back to the area's Head of Practice to be re-graded blind.
// Every manager who audited in the period is moderated at least once, so no
// one's grading goes unchecked because the dice missed them. Reproducible: the
// same cases, share and seed always give the same draw. Pure.
import { sampleSizeFor, seededShuffle } from './sampling';

/** Percent of an area's local audits its Head of Practice moderates, unless the programme says otherwise. */
export const DEFAULT_MODERATION_SHARE = 10;

/** A month ("2023-04") or a quarter ("2023-Q2"): [from, to) in whole UTC days. */
export type ModerationPeriod = { key: string; label: string; from: string; to: string };

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const firstOfMonth = (year: number, month: number) => {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-01`;
};

/** The period a key names, or null when it names none (bad format, month 13, a year out of range). */
export function parseModerationPeriod(key: string): ModerationPeriod | null {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  const year = Number((month ?? quarter)?.[1]);
  if (!(year >= 1990 && year <= 2100)) return null;
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    return {
      key,
      label: `${MONTH_NAMES[m - 1]} ${year}`,
      from: firstOfMonth(year, m),
      to: firstOfMonth(year, m + 1),
    };
  }
  if (quarter) {
    const q = Number(quarter[2]);
    const start = (q - 1) * 3 + 1;
    return {
      key,
      label: `${MONTH_NAMES[start - 1]} to ${MONTH_NAMES[start + 1]} ${year}`,
      from: firstOfMonth(year, start),
      to: firstOfMonth(year, start + 3),
    };
  }
  return null;
}

/** Whether two periods share a day: a quarter overlaps each of its months. */
export function periodsOverlap(
  a: Pick<ModerationPeriod, 'from' | 'to'>,
  b: Pick<ModerationPeriod, 'from' | 'to'>,
) {
  return a.from < b.to && b.from < a.to;
}

/** A submitted local audit the draw may pick. */
export type ModerationCandidate = { caseAuditId: string; managerId: string };

export type ModerationDraw = {
  /** Coverage picks first (one per manager not yet moderated), then the random fill, in draw order. */
  chosen: ModerationCandidate[];
  /** ceil(share% × candidates): what the share alone calls for. */
  target: number;
  /** Chosen beyond the target so that every manager is moderated at least once. */
  extraForCoverage: number;
};

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Draws ceil(sharePercent% of the candidates) (at least one when there are any),
 * every manager represented at least once even if that takes more. The
 * candidates are put in caseAuditId order and shuffled by `seed`, so the order
 * they arrive in never changes the draw. Each manager's first case in the
 * shuffled order is their coverage pick (managers in id order); the rest of the
 * target is the shuffled order's next cases. `alreadyModerated` (caseAuditIds)
 * are never drawn again and count as their managers' coverage and towards the target.
 */
export function drawModerationSample(
  candidates: readonly ModerationCandidate[],
  options: { sharePercent: number; seed: string; alreadyModerated?: ReadonlySet<string> },
): ModerationDraw {
  const { sharePercent, seed } = options;
  if (!Number.isInteger(sharePercent) || sharePercent < 1 || sharePercent > 100)
    throw new RangeError(`sharePercent must be a whole number from 1 to 100 (got ${sharePercent})`);
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.caseAuditId))
      throw new RangeError(`caseAuditId "${candidate.caseAuditId}" appears more than once`);
    seen.add(candidate.caseAuditId);
  }
  const already = options.alreadyModerated ?? new Set<string>();
  const target = sampleSizeFor(candidates.length, sharePercent);
  const previous = candidates.filter((candidate) => already.has(candidate.caseAuditId));
  const covered = new Set(previous.map((candidate) => candidate.managerId));
  const pool = seededShuffle(
    candidates
      .filter((candidate) => !already.has(candidate.caseAuditId))
      .sort((a, b) => compareText(a.caseAuditId, b.caseAuditId)),
    seed,
  );

  const chosen: ModerationCandidate[] = [];
  const taken = new Set<string>();
  const managers = [...new Set(pool.map((candidate) => candidate.managerId))].sort(compareText);
  for (const managerId of managers) {
    if (covered.has(managerId)) continue;
    const pick = pool.find((candidate) => candidate.managerId === managerId);
    if (!pick) continue;
    chosen.push(pick);
    taken.add(pick.caseAuditId);
    covered.add(managerId);
  }
  const toDraw = Math.max(0, target - previous.length);
  const extraForCoverage = Math.max(0, chosen.length - toDraw);
  for (const candidate of pool) {
    if (chosen.length >= toDraw) break;
    if (taken.has(candidate.caseAuditId)) continue;
    chosen.push(candidate);
    taken.add(candidate.caseAuditId);
  }
  return { chosen, target, extraForCoverage };
}

/** What the Head of Practice is told (inbox and e-mail) when moderations are drawn for them. */
export function moderationsAssignedMessage(
  count: number,
  periodLabel: string,
): { title: string; body: string; link: string } {
  return {
    title: `${count} local audit${count === 1 ? '' : 's'} to moderate`,
    body: `Drawn for ${periodLabel}. Grade each case blind: the manager's grades are shown only after you submit yours.`,
    link: '/local/moderation',
  };
}
