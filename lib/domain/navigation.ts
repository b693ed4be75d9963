import type { Role } from './roles';
import { can, inArea, NATIONAL, type Action } from './permissions';

export type NavItem = { href: string; label: string };

const ITEMS: { href: string; label: string; requires: Action | null }[] = [
  { href: '/', label: 'Home', requires: null },
  { href: '/dashboard', label: 'Dashboard', requires: 'dashboard.area' },
  { href: '/queue', label: 'My cases', requires: 'queue.view' },
  { href: '/local/queue', label: 'My local audits', requires: 'localAudit.grade' },
  { href: '/local', label: 'Local programmes', requires: 'localProgramme.manage' },
  { href: '/benchmarks', label: 'Benchmarking', requires: 'benchmark.grade' },
  { href: '/local/moderation', label: 'Moderation', requires: 'moderation.manage' },
  { href: '/local/calibration', label: 'Local calibration', requires: 'localCalibration.view' },
  { href: '/reviews', label: 'Reviews and concerns', requires: 'areaReview.view' },
  { href: '/challenges', label: 'Challenges', requires: 'challenge.view' },
  { href: '/local/observations', label: 'Practice observations', requires: 'observation.view' },
  { href: '/audits', label: 'Audits', requires: 'audit.view' },
  { href: '/reports', label: 'Reports', requires: 'report.view' },
  { href: '/improvement', label: 'Improvement', requires: 'recommendation.view' },
  { href: '/local/qa-overview', label: 'QA overview', requires: 'qaOverview.view' },
  { href: '/case-files', label: 'Case-file index', requires: 'caseIndex.view' },
  { href: '/thresholds', label: 'Threshold documents', requires: 'threshold.view' },
  { href: '/inbox', label: 'Inbox', requires: 'inbox.read' },
  { href: '/admin/users', label: 'Users', requires: 'user.manage' },
  { href: '/admin/areas', label: 'Service areas and teams', requires: 'organisation.manage' },
  { href: '/admin/practitioners', label: 'Practitioners', requires: 'practitioner.manage' },
  { href: '/admin/access-log', label: 'Access log', requires: 'accessLog.view' },
];

/** Only what the role may use; the server still authorises every page and action. */
export function navigationFor(actor: { role: Role; serviceAreaId: string | null }): NavItem[] {
  // Area roles hold some grants in their own area only.
  const where = actor.serviceAreaId ? inArea(actor.serviceAreaId) : NATIONAL;
  return ITEMS.filter(
    (item) =>
      item.requires === null || can(actor, item.requires, NATIONAL) || can(actor, item.requires, where),
  ).map(({ href, label }) => ({ href, label }));
}
