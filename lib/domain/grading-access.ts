// Who may open, save and submit a case's grading. An Improvement Manager
// grades what an audit lead assigned to them, in any audit. A Service Manager
// grades only local (and performance-board) audits' cases assigned to them,
// in their own area, of a team they manage: never a national audit's case,
// never another manager's.
import type { AuditKind } from './audits';
import { can, inArea } from './permissions';
import type { Role } from './roles';

export const LOCAL_AUDIT_KINDS: readonly AuditKind[] = ['LOCAL_QUALITY_IMPACT', 'PERFORMANCE_BOARD'];

export const isLocalAuditKind = (kind: AuditKind) => LOCAL_AUDIT_KINDS.includes(kind);

export type GradingTarget = {
  status: 'SELECTED' | 'RESERVE' | 'REPLACED';
  assignedToId: string | null;
  serviceAreaId: string;
  auditKind: AuditKind;
  /** The Service Manager of the case's team, if it has one. */
  teamServiceManagerId: string | null;
};

export function mayGradeCase(
  actor: { userId: string; role: Role; serviceAreaId: string | null },
  target: GradingTarget,
): boolean {
  if (target.status !== 'SELECTED' || target.assignedToId !== actor.userId) return false;
  if (can(actor, 'caseAudit.grade', inArea(target.serviceAreaId))) return true;
  return (
    can(actor, 'localAudit.grade', inArea(target.serviceAreaId)) &&
    isLocalAuditKind(target.auditKind) &&
    target.teamServiceManagerId === actor.userId
  );
}

/** Whether the role grades anything at all: drives the grading page's first check, never the decision. */
export function gradesCases(actor: { role: Role; serviceAreaId: string | null }): boolean {
  return (
    can(actor, 'caseAudit.grade', { scope: 'national' }) ||
    (actor.serviceAreaId !== null && can(actor, 'localAudit.grade', inArea(actor.serviceAreaId)))
  );
}
