import { RuleError } from './errors';
import { isAreaRole, ROLE_LABELS, type Role } from './roles';

/** Heads of service and assistant directors run exactly one area; nobody else has one. */
export function assertRoleAreaConsistent(role: Role, serviceAreaId: string | null): void {
  if (isAreaRole(role) && serviceAreaId === null) {
    throw new RuleError(`A ${ROLE_LABELS[role]} must have the service area they run`, 'serviceAreaId');
  }
  if (!isAreaRole(role) && serviceAreaId !== null) {
    throw new RuleError(
      `A ${ROLE_LABELS[role]} works nationally: leave the service area empty`,
      'serviceAreaId',
    );
  }
}

/** An administrator cannot remove their own access by accident. */
export function assertNotSelfLockout(
  actorId: string,
  targetUserId: string,
  change: { role?: Role; isActive?: boolean },
): void {
  if (actorId !== targetUserId) return;
  if (change.isActive === false) throw new RuleError('You cannot deactivate your own account', 'isActive');
  if (change.role !== undefined && change.role !== 'ADMIN')
    throw new RuleError('You cannot remove your own Admin role', 'role');
}
