import 'server-only';
import { findAuditOptions, findPeopleByRole } from './audits';
import { findServiceAreaOptions } from './organisation';
import { findPublishedVersionOptions } from './thresholds';

/** Everything the audit form offers to choose from. */
export async function auditFormOptions(excludeAuditId?: string) {
  const [thresholdVersions, serviceAreas, audits, directors, leads] = await Promise.all([
    findPublishedVersionOptions(),
    findServiceAreaOptions(),
    findAuditOptions(excludeAuditId),
    findPeopleByRole('NATIONAL_SERVICE_DIRECTOR'),
    findPeopleByRole('SENIOR_SERVICE_MANAGER'),
  ]);
  return { thresholdVersions, serviceAreas, audits, directors, leads };
}
