// An auditor's queue of cases: its statuses in the auditors' own words, and
// the view the queue screen and the home page show.
import type { LawType } from './audits';

export const QUEUE_STATUSES = ['TO_DO', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  TO_DO: 'To do',
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Submitted',
  RETURNED: 'Returned',
};
export const QUEUE_PAGE_SIZE = 50;

export type QueueCase = {
  sampledCaseId: string;
  auditName: string;
  caseReference: string;
  practitionerName: string;
  teamName: string | null;
  areaCode: string;
  lawType: LawType;
  status: QueueStatus;
  documents: { documentType: string; filedOn: string }[];
};

export type QueueFilter = {
  status: QueueStatus | null;
  serviceAreaId: string | null;
  lawType: LawType | null;
  page: number;
};

export type Queue = {
  cases: QueueCase[];
  total: number;
  counts: Record<QueueStatus, number>;
};
