// A team's Service Manager line-manages its practitioners and audits their
// work locally (seed 003), so a practitioner's manager is the Service Manager
// of their team whenever the team has one: the two never disagree.
import { RuleError } from './errors';
import type { Role } from './roles';

export type ServiceManagerCandidate = {
  id: string;
  name: string;
  role: Role;
  serviceAreaId: string | null;
  isActive: boolean;
};

/** Only an active Service Manager of the team's own area may manage it. */
export function assertServiceManagerForTeam(
  team: { serviceAreaId: string },
  candidate: ServiceManagerCandidate | null,
): void {
  if (candidate === null) return;
  if (candidate.role !== 'SERVICE_MANAGER')
    throw new RuleError(`${candidate.name} is not a Service Manager`, 'serviceManagerId');
  if (!candidate.isActive)
    throw new RuleError(`${candidate.name}’s account is deactivated`, 'serviceManagerId');
  if (candidate.serviceAreaId !== team.serviceAreaId)
    throw new RuleError(`${candidate.name} works in another service area`, 'serviceManagerId');
}

/**
 * The manager a practitioner of this team reports to: the team's Service
 * Manager when it has one (an empty choice takes it), otherwise whoever was chosen.
 */
export function practitionerManagerFor(
  team: { serviceManagerId: string | null; serviceManagerName: string | null },
  chosenManagerId: string | null,
): string | null {
  if (team.serviceManagerId === null) return chosenManagerId;
  if (chosenManagerId === null || chosenManagerId === team.serviceManagerId) return team.serviceManagerId;
  throw new RuleError(
    `This team’s Service Manager is ${team.serviceManagerName ?? 'someone else'}: the practitioner’s manager must be them, or leave the manager empty`,
    'managerId',
  );
}
