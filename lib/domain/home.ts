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
};
