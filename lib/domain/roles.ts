export const ROLES = [
  'IMPROVEMENT_MANAGER',
  'IMPROVEMENT_ASSISTANT',
  'SENIOR_SERVICE_MANAGER',
  'HEAD_OF_SERVICE',
  'ASSISTANT_DIRECTOR',
  'NATIONAL_SERVICE_DIRECTOR',
  'DIRECTOR',
  'ADMIN',
  'SERVICE_MANAGER',
  'HEAD_OF_PRACTICE',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  IMPROVEMENT_MANAGER: 'Improvement Manager',
  IMPROVEMENT_ASSISTANT: 'Improvement Assistant',
  SENIOR_SERVICE_MANAGER: 'Senior Service Manager',
  HEAD_OF_SERVICE: 'Head of Service',
  ASSISTANT_DIRECTOR: 'Assistant Director',
  NATIONAL_SERVICE_DIRECTOR: 'National Service Director',
  DIRECTOR: 'Director',
  ADMIN: 'Admin',
  SERVICE_MANAGER: 'Service Manager',
  HEAD_OF_PRACTICE: 'Head of Practice',
};

/** Roles that work in one service area and must have one. */
export const AREA_ROLES: readonly Role[] = [
  'HEAD_OF_SERVICE',
  'ASSISTANT_DIRECTOR',
  'SERVICE_MANAGER',
  'HEAD_OF_PRACTICE',
];

export function isAreaRole(role: Role): boolean {
  return AREA_ROLES.includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const EMPLOYMENTS = ['EMPLOYED', 'AGENCY'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];
export const EMPLOYMENT_LABELS: Record<Employment, string> = { EMPLOYED: 'Employed', AGENCY: 'Agency' };
