// Who signed in, who was refused and who took personal data out of Threshold.
// The actions are a closed set so that a search by action, and a reader of a
// year-old log, know every value that can appear.

export const ACCESS_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'refused',
  'export',
  'role-change',
  'area-change',
  'access-log-purge',
] as const;

export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export const ACCESS_ACTION_LABELS: Record<AccessAction, string> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'sign-out': 'Signed out',
  refused: 'Refused',
  export: 'Export or download',
  'role-change': 'Role changed',
  'area-change': 'Service area changed',
  'access-log-purge': 'Access log purged',
};

export function isAccessAction(value: string): value is AccessAction {
  return (ACCESS_ACTIONS as readonly string[]).includes(value);
}

/** Two years, the retention the service agreed for access records. */
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 730;

// The service works in UK time: a search "from 26 November" starts at
// midnight in London, whether or not summer time applies.
const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function londonOffsetMs(at: Date): number {
  const parts = LONDON_PARTS.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** Midnight in London at the start of a yyyy-mm-dd day (clocks change at 01:00 UTC, never at midnight). */
export function londonDayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const midnightUtc = Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1);
  return new Date(midnightUtc - londonOffsetMs(new Date(midnightUtc)));
}

/** The instants a from/to day search covers: from's midnight up to (not including) the midnight after `to`. */
export function londonDayRange(
  from: string | null,
  to: string | null,
): { gte: Date | null; lt: Date | null } {
  const next = (day: string) => {
    const [year, month, date] = day.split('-').map(Number);
    return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + 1)).toISOString().slice(0, 10);
  };
  return { gte: from ? londonDayStart(from) : null, lt: to ? londonDayStart(next(to)) : null };
}

/** A log row's details as one line a person can read: `format: csv · table: sample`. */
export function describeAccessDetails(details: unknown): string {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return '';
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join(' · ');
}

const EMAIL_MAX = 254;
// Control and invisible characters (NUL is rejected by Postgres; the others
// disguise what was typed when an administrator reads the log).
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Deliberately loose: the point is to tell an email from a password typed
// into the email box, not to validate addresses.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/**
 * What the log keeps of an email typed at sign-in by someone who may not have
 * an account. An email is personal data, and people sometimes type their
 * password into the email box: a value not shaped like an email is not kept
 * at all. What is kept is lower-cased, stripped of control and invisible
 * characters, and cut to the longest valid email length.
 */
export function typedEmailForLog(typed: unknown): string | null {
  if (typeof typed !== 'string') return null;
  const cleaned = typed.replace(UNPRINTABLE, '').replace(LONE_SURROGATE, '').trim().toLowerCase();
  if (!EMAIL_SHAPE.test(cleaned)) return null;
  return cleaned.slice(0, EMAIL_MAX);
}
