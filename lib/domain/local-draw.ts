// The monthly draw of a local quality-and-impact programme (seed 003, issue 17
// §2): each Service Manager audits `quota` of their own teams' cases a month,
// drawn at random from work filed recently. As with the national sample, the
// randomness comes from a recorded seed and nothing depends on the order the
// work arrives in, so the same work, parameters and seed give the same draw,
// and the log says why each manager got what they got.
import { isCalendarDate } from './dates';
import { RuleError } from './errors';
import { seededShuffle } from './sampling';

export const DEFAULT_QUOTA_PER_MONTH = 2;
export const DEFAULT_MODERATION_SHARE_PERCENT = 10;
export const DEFAULT_RECENT_DAYS = 90;

export const MONTH_ALREADY_DRAWN =
  'This month has been drawn: a draw is never repeated, so the cases managers were given stay theirs. Pick a case instead.';

/** A case a manager could be given: one of their teams' cases with a document filed recently. */
export type LocalCandidate = {
  caseFileId: string;
  caseReference: string;
  practitionerId: string;
  serviceAreaId: string;
  teamId: string;
  managerId: string;
  /** yyyy-mm-dd: the latest filing inside the recent window. */
  lastFiledOn: string;
};

export type LocalDrawParameters = {
  seed: string;
  /** yyyy-mm-01 */
  month: string;
  quota: number;
  recentDays: number;
  /** Every Service Manager in the programme's scope, whether or not they have work to draw from. */
  managerIds: string[];
  /** Cases each manager already has this month (their own picks), which count towards the quota. */
  alreadyAssigned: Record<string, number>;
};

export type ManagerDraw = {
  managerId: string;
  /** Their teams' recently filed cases not already in the programme. */
  eligible: number;
  alreadyAssigned: number;
  /** quota − already assigned, never below 0. */
  wanted: number;
  drawn: LocalCandidate[];
  /** Wanted but not drawn: too little recent work. */
  shortBy: number;
};

export type LocalDraw = {
  parameters: LocalDrawParameters;
  /** yyyy-mm-dd, inclusive: the recent window the work was filed in. */
  recentFrom: string;
  recentTo: string;
  /** Sorted by managerId. */
  managers: ManagerDraw[];
};

const MONTH = /^(\d{4})-(\d{2})$/;

/** "2026-11" or "2026-11-01" → "2026-11-01"; null when it is not a month. */
export function monthStart(value: string): string | null {
  const trimmed = value.trim();
  const asMonth = MONTH.exec(trimmed) ? `${trimmed}-01` : trimmed;
  if (!isCalendarDate(asMonth) || !asMonth.endsWith('-01')) return null;
  return asMonth;
}

/** The first day of the month an instant falls in (UTC). */
export function monthOf(now: Date): string {
  return `${now.toISOString().slice(0, 7)}-01`;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The month `count` months after (or before) `month`, as yyyy-mm-01. */
export function addMonths(month: string, count: number): string {
  const date = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + count);
  return date.toISOString().slice(0, 10);
}

/** The months from `from` to `to` (yyyy-mm-01, inclusive), in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let cursor = `${from.slice(0, 7)}-01`;
  const last = `${to.slice(0, 7)}-01`;
  while (cursor <= last && months.length < 1200) {
    months.push(cursor);
    const date = new Date(`${cursor}T00:00:00Z`);
    date.setUTCMonth(date.getUTCMonth() + 1);
    cursor = date.toISOString().slice(0, 10);
  }
  return months;
}

/** "November 2026". */
export function monthLabel(month: string): string {
  return new Date(`${month.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * "Recently filed" for a month: the `recentDays` days before it starts, so a
 * draw made on the 1st and one made on the 20th choose from the same work.
 */
export function recentWindow(month: string, recentDays: number): { from: string; to: string } {
  return { from: addDays(month, -recentDays), to: addDays(month, -1) };
}

/** The programme's settings, each refusal naming its field. */
export function assertProgrammeSettings(settings: {
  quota: number;
  moderationSharePercent: number;
  recentDays: number;
  windowFrom: string;
  windowTo: string;
}): void {
  if (!Number.isInteger(settings.quota) || settings.quota < 1 || settings.quota > 50)
    throw new RuleError('Enter a quota from 1 to 50 cases per manager per month', 'quota');
  if (
    !Number.isInteger(settings.moderationSharePercent) ||
    settings.moderationSharePercent < 0 ||
    settings.moderationSharePercent > 100
  )
    throw new RuleError('Enter a moderation share from 0 to 100%', 'moderationSharePercent');
  if (!Number.isInteger(settings.recentDays) || settings.recentDays < 1 || settings.recentDays > 730)
    throw new RuleError('Enter how far back recent work reaches, from 1 to 730 days', 'recentDays');
  if (settings.windowFrom > settings.windowTo)
    throw new RuleError('The programme must end after it starts', 'windowTo');
}

/** A month may be drawn inside the programme's period, once. */
export function assertMayDrawMonth(
  month: string,
  programme: { windowFrom: string; windowTo: string; drawnMonths: string[] },
): void {
  if (month < `${programme.windowFrom.slice(0, 7)}-01` || month > programme.windowTo)
    throw new RuleError('Choose a month inside the programme’s period', 'month');
  if (programme.drawnMonths.includes(month)) throw new RuleError(MONTH_ALREADY_DRAWN, 'month');
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each manager's share of the month: their eligible cases in a fixed order
 * (by reference), shuffled by `seed|month|manager`, then taken one per
 * practitioner first (so one practitioner's caseload does not fill the quota)
 * and only then a second case of someone already chosen.
 */
export function drawLocalMonth(candidates: LocalCandidate[], parameters: LocalDrawParameters): LocalDraw {
  if (!Number.isInteger(parameters.quota) || parameters.quota < 0)
    throw new Error('quota must be a whole number');
  const window = recentWindow(parameters.month, parameters.recentDays);
  const byManager = new Map<string, LocalCandidate[]>();
  const seen = new Set<string>();
  for (const candidate of candidates) {
    // A case belongs to one manager; a duplicate row (two documents) counts once.
    if (seen.has(candidate.caseFileId)) continue;
    if (candidate.lastFiledOn < window.from || candidate.lastFiledOn > window.to) continue;
    seen.add(candidate.caseFileId);
    const list = byManager.get(candidate.managerId) ?? [];
    list.push(candidate);
    byManager.set(candidate.managerId, list);
  }
  const managerIds = [...new Set(parameters.managerIds)].sort(compareText);
  const managers = managerIds.map((managerId): ManagerDraw => {
    const eligible = (byManager.get(managerId) ?? []).sort(
      (a, b) => compareText(a.caseReference, b.caseReference) || compareText(a.caseFileId, b.caseFileId),
    );
    const alreadyAssigned = parameters.alreadyAssigned[managerId] ?? 0;
    const wanted = Math.max(0, parameters.quota - alreadyAssigned);
    const shuffled = seededShuffle(eligible, `${parameters.seed}|${parameters.month}|${managerId}`);
    const firstOfEach: LocalCandidate[] = [];
    const rest: LocalCandidate[] = [];
    const practitioners = new Set<string>();
    for (const candidate of shuffled) {
      if (practitioners.has(candidate.practitionerId)) rest.push(candidate);
      else {
        practitioners.add(candidate.practitionerId);
        firstOfEach.push(candidate);
      }
    }
    const drawn = [...firstOfEach, ...rest].slice(0, wanted);
    return {
      managerId,
      eligible: eligible.length,
      alreadyAssigned,
      wanted,
      drawn,
      shortBy: wanted - drawn.length,
    };
  });
  return { parameters, recentFrom: window.from, recentTo: window.to, managers };
}

/** What the draw log keeps: enough to repeat the draw and to explain each manager's cases. */
export function drawLog(draw: LocalDraw) {
  return {
    quota: draw.parameters.quota,
    recentDays: draw.parameters.recentDays,
    recentFrom: draw.recentFrom,
    recentTo: draw.recentTo,
    managers: draw.managers.map((manager) => ({
      managerId: manager.managerId,
      eligible: manager.eligible,
      alreadyAssigned: manager.alreadyAssigned,
      wanted: manager.wanted,
      drawn: manager.drawn.map((candidate) => candidate.caseReference),
      shortBy: manager.shortBy,
    })),
  };
}

/** One sentence per manager, in the words of the programme page. */
export function explainManagerDraw(manager: {
  eligible: number;
  alreadyAssigned: number;
  wanted: number;
  drawn: number;
  shortBy: number;
}): string {
  const picked =
    manager.alreadyAssigned > 0
      ? `${manager.alreadyAssigned} already picked, so ${manager.wanted} to draw`
      : `${manager.wanted} to draw`;
  const short = manager.shortBy > 0 ? `; ${manager.shortBy} short: not enough recent work` : '';
  return `${manager.eligible} recently filed case${manager.eligible === 1 ? '' : 's'} eligible; ${picked}; ${manager.drawn} drawn${short}.`;
}

/** A manager's own pick needs a reason that says why this case. */
export function assertPickReason(reason: string): void {
  if (reason.trim().length < 10)
    throw new RuleError('Say why you picked this case (at least 10 characters)', 'reason');
}
