// Rows for integration tests, with overrides. Names carry a counter so files
// never collide in the shared test database.
import { encode } from 'next-auth/jwt';
import { db } from '@/lib/db/client';
import { startSession } from '@/lib/db/sessions';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/domain/roles';
import type { RubricContent } from '@/lib/domain/rubric';
import { LOCAL_QUALITY_IMPACT_TOOL } from '../../prisma/seed/thresholds';

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

/** A threshold document with one version (published unless asked), from a seeded rubric. */
export async function createThresholdVersion(
  options: { status?: 'DRAFT' | 'PUBLISHED'; content?: RubricContent } = {},
) {
  const document = await db().thresholdDocument.create({
    data: { name: unique('Threshold') },
    select: { id: true },
  });
  return db().thresholdVersion.create({
    data: {
      documentId: document.id,
      number: 1,
      label: 'Test version',
      status: options.status ?? 'PUBLISHED',
      publishedAt: options.status === 'DRAFT' ? null : new Date(),
      content: JSON.parse(JSON.stringify(options.content ?? LOCAL_QUALITY_IMPACT_TOOL)) as object,
    },
    select: { id: true, documentId: true, version: true },
  });
}

export async function createAudit(
  options: {
    status?: 'DRAFT' | 'SAMPLING' | 'GRADING' | 'REVIEW' | 'PUBLISHED';
    thresholdVersionId?: string;
  } = {},
) {
  const thresholdVersionId = options.thresholdVersionId ?? (await createThresholdVersion()).id;
  const area = await createServiceArea();
  return db().audit.create({
    data: {
      name: unique('Audit'),
      kind: 'NATIONAL_PRACTICE_QUALITY',
      purpose: 'Test audit',
      windowFrom: new Date('2014-09-01T00:00:00Z'),
      windowTo: new Date('2014-10-31T00:00:00Z'),
      thresholdVersionId,
      lawTypes: ['PUBLIC_LAW'],
      status: options.status ?? 'DRAFT',
      serviceAreas: { create: [{ serviceAreaId: area.id }] },
    },
    select: { id: true, version: true, thresholdVersionId: true, name: true },
  });
}

/** Form-shaped input for the audit actions. */
export function auditInput(
  thresholdVersionId: string,
  serviceAreaId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    name: unique('Audit'),
    kind: 'THEMATIC',
    purpose: 'Thematic audit of safeguarding letters',
    windowFrom: '2014-09-01',
    windowTo: '2014-10-31',
    thresholdVersionId,
    lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WTFH'],
    serviceAreaIds: [serviceAreaId],
    goodOrAboveTarget: '60',
    lowestTarget: '14',
    targetDate: '2015-05-31',
    comparedWithId: '',
    commissionedById: '',
    leadId: '',
    ...overrides,
  };
}
