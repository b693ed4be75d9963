// Reminders that escalate (issue 16 §7): to the owner seven days before a due
// date and on it, then to the owner's manager role once it has passed. Pure:
// the job asks, for each open item and today's date, which reminder is due.
import { isoDay } from './dates';

export const REMINDER_KINDS = ['due-soon', 'due', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How many days before its due date an owner is first reminded. */
export const DUE_SOON_DAYS = 7;

const DAY_MS = 86_400_000;

/** Whole days from `today` to `dueOn` (both calendar days, YYYY-MM-DD): negative once passed. */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/**
 * The reminder an open item is owed today, if any. A job that did not run on
 * the due date itself still sends "overdue" the next day: each kind is owed
 * from its day on, and the record of what was sent keeps it to once.
 */
export function reminderOwed(dueOn: string, today: string): ReminderKind | null {
  const days = daysUntil(dueOn, today);
  if (days < 0) return 'overdue';
  if (days === 0) return 'due';
  if (days <= DUE_SOON_DAYS) return 'due-soon';
  return null;
}

/** The calendar day (Europe/London is within an hour of UTC; due dates are days, not instants). */
export function reminderDay(now: Date): string {
  return isoDay(now);
}

export type DueItem = {
  subjectType: 'action' | 'recommendation';
  /** "Action: Monthly file reading … (A4 improvement plan 2014/15, 1)". */
  label: string;
  dueOn: string;
  ownerName: string;
  link: string;
};

const longDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The inbox title and body for a reminder; the overdue one is read by the owner's manager. */
export function reminderMessage(
  kind: ReminderKind,
  item: DueItem,
  today: string,
): { title: string; body: string } {
  const what = item.subjectType === 'action' ? 'An action' : 'A recommendation';
  if (kind === 'due-soon') {
    const days = daysUntil(item.dueOn, today);
    return {
      title: `Due in ${days} day${days === 1 ? '' : 's'}: ${item.label}`,
      body: `${what} you own is due on ${longDate(item.dueOn)}. Record its progress or its new status before then.`,
    };
  }
  if (kind === 'due') {
    return {
      title: `Due today: ${item.label}`,
      body: `${what} you own is due today (${longDate(item.dueOn)}). Record its progress or its new status.`,
    };
  }
  const days = -daysUntil(item.dueOn, today);
  return {
    title: `Overdue: ${item.label}`,
    body: `${what} owned by ${item.ownerName} was due on ${longDate(item.dueOn)} and is ${days} day${
      days === 1 ? '' : 's'
    } overdue. It is escalated to you as the owner's manager.`,
  };
}
