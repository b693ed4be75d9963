import type { AuditStatus } from './audits';
import type { Role } from './roles';

/** What each role's home page lists as waiting for them, and what it says when nothing is. */
export type WaitingList = { title: string; empty: string };

export const HOME_PURPOSE: Record<Role, string> = {
  IMPROVEMENT_MANAGER: 'Grade the case files assigned to you against the audit’s threshold document.',
  IMPROVEMENT_ASSISTANT: 'Prepare case files and imports for audits, and chase missing information.',
  SENIOR_SERVICE_MANAGER: 'Set up and lead audits: sampling, assignment, benchmarking and challenges.',
  HEAD_OF_SERVICE:
    'Review Not Met cases and safeguarding concerns for your service area, and challenge grades.',
  ASSISTANT_DIRECTOR:
    'Review Not Met cases and safeguarding concerns for your service area, and challenge grades.',
  NATIONAL_SERVICE_DIRECTOR: 'Commission audits and adjudicate challenges referred to you.',
  DIRECTOR: 'Read the national summary and area dashboards.',
  ADMIN: 'Manage users, service areas, teams and practitioners.',
  SERVICE_MANAGER: 'Audit your teams’ work each month and record observations of practice.',
  HEAD_OF_PRACTICE: 'Moderate your area’s local audits and see how its managers grade.',
};

export const WAITING_LISTS: Record<Exclude<Role, 'ADMIN'>, WaitingList[]> = {
  IMPROVEMENT_MANAGER: [
    {
      title: 'Cases to grade',
      empty: 'No cases are assigned to you. When an audit lead assigns you cases, they appear here.',
    },
  ],
  IMPROVEMENT_ASSISTANT: [
    { title: 'Imports to prepare', empty: 'No audit is waiting for a case-file import.' },
  ],
  SENIOR_SERVICE_MANAGER: [
    { title: 'Audits you lead', empty: 'You are not leading an audit at the moment.' },
    { title: 'Challenges to decide', empty: 'No challenges are waiting for your decision.' },
  ],
  HEAD_OF_SERVICE: [
    { title: 'Not Met cases to review', empty: 'No Not Met cases in your area are waiting for review.' },
    { title: 'Safeguarding concerns', empty: 'No safeguarding concerns are open for your area.' },
  ],
  ASSISTANT_DIRECTOR: [
    { title: 'Not Met cases to review', empty: 'No Not Met cases in your area are waiting for review.' },
    { title: 'Safeguarding concerns', empty: 'No safeguarding concerns are open for your area.' },
  ],
  NATIONAL_SERVICE_DIRECTOR: [
    { title: 'Challenges referred to you', empty: 'No challenges are waiting for your adjudication.' },
  ],
  DIRECTOR: [{ title: 'Published audits', empty: 'No audit has been published yet.' }],
  SERVICE_MANAGER: [
    { title: 'Local audits this month', empty: 'No local audits are assigned to you this month.' },
  ],
  HEAD_OF_PRACTICE: [
    { title: 'Moderations to do', empty: 'No local audits are waiting for your moderation.' },
  ],
};

/** Where an audit its lead runs has got to, counted in the database. */
export type LedAuditProgress = {
  status: AuditStatus;
  sampleDrawn: boolean;
  sampleLocked: boolean;
  selected: number;
  unassigned: number;
  graded: number;
  benchmarks: number;
  benchmarksToModerate: number;
  challengesToDecide: number;
};

/** The one thing the audit lead should do next, and the page (under the audit) where it is done. */
export type NextStep = { label: string; page: '' | '/sample' | '/benchmarks' | 'challenges' | 'report' };

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The audit's status machine read as a to-do: sampling must be drawn, locked
 * and assigned before grading; challenges have a working-day window, so they
 * come before benchmarking and moderation; publishing is last.
 */
export function nextStepForLead(progress: LedAuditProgress): NextStep {
  const { status } = progress;
  if (status === 'PUBLISHED') return { label: 'Read the published report', page: 'report' };
  if (status === 'DRAFT') return { label: 'Start sampling', page: '' };
  if (status === 'SAMPLING') {
    if (!progress.sampleDrawn) return { label: 'Draw the sample', page: '/sample' };
    if (!progress.sampleLocked) return { label: 'Check and lock the sample', page: '/sample' };
    if (progress.unassigned > 0)
      return { label: `Assign ${plural(progress.unassigned, 'case')}`, page: '/sample' };
    return { label: 'Start grading', page: '' };
  }
  if (progress.unassigned > 0)
    return { label: `Assign ${plural(progress.unassigned, 'case')}`, page: '/sample' };
  if (progress.challengesToDecide > 0)
    return { label: `Decide ${plural(progress.challengesToDecide, 'challenge')}`, page: 'challenges' };
  if (progress.benchmarksToModerate > 0)
    return { label: `Moderate ${plural(progress.benchmarksToModerate, 'benchmark')}`, page: '/benchmarks' };
  if (status === 'GRADING') {
    if (progress.graded > 0 && progress.benchmarks === 0)
      return { label: 'Choose the benchmark sample', page: '/benchmarks' };
    if (progress.graded < progress.selected)
      return {
        label: `Follow grading: ${progress.graded} of ${plural(progress.selected, 'case')} graded`,
        page: '',
      };
    return { label: 'Move to review', page: '' };
  }
  return { label: 'Publish the audit', page: '' };
}
