// Rows for integration tests, with overrides. Names carry a counter so files
// never collide in the shared test database.
import { encode } from 'next-auth/jwt';
import { db } from '@/lib/db/client';
import { startSession } from '@/lib/db/sessions';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/domain/roles';

let counter = 0;
export const unique = (prefix: string) =>
  `${prefix}-${process.pid}-${Date.now().toString(36)}-${(counter += 1)}`;

export async function createServiceArea(overrides: { code?: string } = {}) {
  const code = overrides.code ?? unique('AREA');
  return db().serviceArea.create({
    data: { code, name: `Area ${code}`, sortOrder: 1000 + counter },
    select: { id: true, code: true, version: true },
  });
}

export async function createTeam(serviceAreaId: string, name = unique('Team')) {
  return db().team.create({ data: { serviceAreaId, name }, select: { id: true, name: true, version: true } });
}

export async function createPractitioner(
  teamId: string,
  overrides: { reference?: string; name?: string } = {},
) {
  return db().practitioner.create({
    data: {
      reference: overrides.reference ?? unique('P'),
      name: overrides.name ?? 'Pat Practitioner',
      teamId,
      employment: 'EMPLOYED',
      performanceBand: '2',
    },
    select: { id: true, reference: true, version: true },
  });
}

let cachedHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'correct-horse-battery';

export async function createUser(
  role: Role,
  serviceAreaId: string | null = null,
  overrides: { email?: string; isActive?: boolean } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db().user.create({
    data: {
      email: overrides.email ?? `${unique(role.toLowerCase())}@example.org`,
      name: `${role} person`,
      role,
      serviceAreaId,
      passwordHash: await cachedHash,
      isActive: overrides.isActive ?? true,
    },
    select: { id: true, email: true, version: true, role: true, serviceAreaId: true },
  });
}

/** A real session row and the next-auth JWT a browser would hold for it. */
export async function signedInAs(userId: string): Promise<string> {
  const sessionId = await startSession(userId, new Date());
  return encode({ token: { sid: sessionId, sub: userId }, secret: process.env.NEXTAUTH_SECRET as string });
}
