// Rows for integration tests, with overrides. Names carry a counter so files
// never collide in the shared test database.
import { encode } from 'next-auth/jwt';
import { db } from '@/lib/db/client';
import { startSession } from '@/lib/db/sessions';
import { hashPassword } from '@/lib/auth/password';
import { runWithSessionToken } from '@/lib/auth/actor';
import type { Actor } from '@/lib/domain/actor';
import type { Role } from '@/lib/domain/roles';
import { drawSample } from '@/lib/use-cases/sampling/draw-sample';
import { lockSample } from '@/lib/use-cases/sampling/lock-sample';
import type { RubricContent } from '@/lib/domain/rubric';
import { emptyAnswers, type GradingAnswers } from '@/lib/domain/grading';
import { writePastResults, type PastResult } from '@/lib/db/results-writer';
import { LOCAL_QUALITY_IMPACT_TOOL, NATIONAL_THRESHOLD_OCTOBER_2014 } from '../../prisma/seed/thresholds';

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
/**
 * A person with a real session: `act` runs server code as them (actions and
 * route handlers read the session), `actor` is for calling lib/db directly.
 */
export async function actingAs(role: Role, serviceAreaId: string | null = null, userId?: string) {
  const id = userId ?? (await createUser(role, serviceAreaId)).id;
  const token = await signedInAs(id);
  const actor: Actor = {
    userId: id,
    sessionId: 'test',
    name: 'Test',
    email: 'test@example.org',
    role,
    serviceAreaId,
  };
  return { id, actor, act: <T>(fn: () => Promise<T>) => runWithSessionToken(token, fn) };
}

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

/**
 * An audit in its Sampling stage over a small index in one area: `size`
 * practitioners, all Public Law band 2 (one stratum), each with one case
 * filed inside the window and an older one outside it.
 */
export async function createSamplingAudit(
  options: { size?: number; draw?: boolean; lock?: boolean; managerId?: string | null } = {},
) {
  const area = await createServiceArea();
  const team = await createTeam(area.id);
  const size = options.size ?? 4;
  const practitioners = [];
  for (let index = 0; index < size; index += 1) {
    practitioners.push(
      await db().practitioner.create({
        data: {
          reference: unique('SP'),
          name: `Sampled ${index}`,
          teamId: team.id,
          employment: 'EMPLOYED',
          performanceBand: '2',
          managerId: options.managerId ?? null,
        },
        select: { id: true, reference: true },
      }),
    );
  }
  for (const [index, practitioner] of practitioners.entries()) {
    for (const [suffix, filedOn] of [
      ['in', `2014-10-${String(10 + index).padStart(2, '0')}`],
      ['old', '2014-06-01'],
    ] as const) {
      await db().caseFile.create({
        data: {
          reference: unique(`CF-${suffix}`),
          serviceAreaId: area.id,
          teamId: team.id,
          practitionerId: practitioner.id,
          lawType: 'PUBLIC_LAW',
          subjectChildren: 1,
          documents: { create: [{ documentType: 'report', filedOn: new Date(`${filedOn}T00:00:00Z`) }] },
        },
      });
    }
  }
  const version = await createThresholdVersion();
  const audit = await db().audit.create({
    data: {
      name: unique('Sampling audit'),
      kind: 'NATIONAL_PRACTICE_QUALITY',
      purpose: 'Sampling test',
      windowFrom: new Date('2014-09-01T00:00:00Z'),
      windowTo: new Date('2014-10-31T00:00:00Z'),
      thresholdVersionId: version.id,
      lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'],
      status: 'SAMPLING',
      serviceAreas: { create: [{ serviceAreaId: area.id }] },
    },
    select: { id: true, version: true, name: true },
  });
  const lead = await createUser('SENIOR_SERVICE_MANAGER');
  const leadActor: Actor = {
    userId: lead.id,
    sessionId: 'factory',
    name: 'Lead',
    email: lead.email,
    role: 'SENIOR_SERVICE_MANAGER',
    serviceAreaId: null,
  };
  if (options.draw || options.lock)
    await drawSample(leadActor, { auditId: audit.id, seed: 'factory', sharePercent: 50 }, new Date());
  if (options.lock) await lockSample(leadActor, { auditId: audit.id, version: 1 }, new Date());
  return { audit, area, team, practitioners, lead };
}

export async function sampledCases(auditId: string, status: 'SELECTED' | 'RESERVE' | 'REPLACED') {
  return db().sampledCase.findMany({
    where: { auditId, status },
    select: {
      id: true,
      version: true,
      caseFileId: true,
      practitionerId: true,
      assignedToId: true,
      reserveRank: true,
    },
    orderBy: [{ reserveRank: 'asc' }, { id: 'asc' }],
  });
}

/** Answers that complete every field of `content`, all at one grade, on the national or the local form. */
export function completeAnswers(content: RubricContent, grade: string): GradingAnswers {
  const answers = emptyAnswers(content);
  for (const section of content.sections) {
    answers.sections[section.key] = {
      grade,
      evidence: `Evidence for ${section.title}`,
      questions: Object.fromEntries(section.questions.map((question) => [question.key, 'yes' as const])),
    };
  }
  return {
    ...answers,
    childrenSeen: 'SEEN',
    qa: { collaborative: true, familyFeedback: true, managementOversight: true, supervision: false },
    // The local form's part (dropped when the audit is national): complete for either form.
    localQa: {
      practitionerReflection: '',
      familyFeedbackSaid: 'The family felt listened to.',
      managementOversightExpected: true,
      supervisionImpact: null,
    },
    overallGrade: grade,
    overallRationale: 'The accumulation of issues determined the grade.',
  };
}

/** A selected case in an audit that is open for grading, assigned to `auditorId`, in `serviceAreaId` (or a new area). */
export async function createAssignedCase(options: {
  auditorId: string;
  serviceAreaId?: string;
  auditStatus?: 'GRADING' | 'REVIEW' | 'SAMPLING' | 'PUBLISHED';
  leadId?: string | null;
}) {
  const serviceAreaId = options.serviceAreaId ?? (await createServiceArea()).id;
  const team = await createTeam(serviceAreaId);
  const practitioner = await createPractitioner(team.id);
  const caseFile = await db().caseFile.create({
    data: {
      reference: unique('GC'),
      serviceAreaId,
      teamId: team.id,
      practitionerId: practitioner.id,
      lawType: 'PUBLIC_LAW',
      subjectChildren: 1,
      documents: { create: [{ documentType: 'final report', filedOn: new Date('2014-10-15T00:00:00Z') }] },
    },
    select: { id: true, reference: true },
  });
  const version = await createThresholdVersion({ content: LOCAL_QUALITY_IMPACT_TOOL });
  const audit = await db().audit.create({
    data: {
      name: unique('Grading audit'),
      kind: 'LOCAL_QUALITY_IMPACT',
      purpose: 'Grading test',
      windowFrom: new Date('2014-09-01T00:00:00Z'),
      windowTo: new Date('2014-10-31T00:00:00Z'),
      thresholdVersionId: version.id,
      lawTypes: ['PUBLIC_LAW'],
      status: options.auditStatus ?? 'GRADING',
      leadId: options.leadId ?? null,
      serviceAreas: { create: [{ serviceAreaId }] },
    },
    select: { id: true, name: true },
  });
  const sampled = await db().sampledCase.create({
    data: {
      auditId: audit.id,
      caseFileId: caseFile.id,
      practitionerId: practitioner.id,
      serviceAreaId,
      stratumKey: 'PUBLIC_LAW|2',
      status: 'SELECTED',
      assignedToId: options.auditorId,
    },
    select: { id: true },
  });
  return {
    sampledCaseId: sampled.id,
    auditId: audit.id,
    serviceAreaId,
    caseReference: caseFile.reference,
    content: LOCAL_QUALITY_IMPACT_TOOL,
  };
}

/** A submitted case audit with an open concern and a waiting area review, in `serviceAreaId`. */
export async function createConcernAndReview(
  serviceAreaId: string,
  options: { acknowledged?: boolean } = {},
) {
  const auditor = await createUser('IMPROVEMENT_MANAGER');
  const assigned = await createAssignedCase({ auditorId: auditor.id, serviceAreaId });
  const thresholdVersionId = (
    await db().audit.findUniqueOrThrow({
      where: { id: assigned.auditId },
      select: { thresholdVersionId: true },
    })
  ).thresholdVersionId;
  const caseAudit = await db().caseAudit.create({
    data: {
      sampledCaseId: assigned.sampledCaseId,
      auditId: assigned.auditId,
      serviceAreaId,
      auditorId: auditor.id,
      thresholdVersionId,
      status: 'SUBMITTED',
      answers: JSON.parse(JSON.stringify(completeAnswers(assigned.content, 'inadequate'))) as object,
      overallGrade: 'inadequate',
      childrenSeen: 'SEEN',
      submittedAt: new Date(),
    },
    select: { id: true },
  });
  const concern = await db().safeguardingConcern.create({
    data: {
      caseAuditId: caseAudit.id,
      serviceAreaId,
      raisedById: auditor.id,
      raisedAt: new Date(),
      description: 'Non-subject children may not be safe.',
      ...(options.acknowledged ? { acknowledgedAt: new Date(), acknowledgedById: auditor.id } : {}),
    },
    select: { id: true, version: true },
  });
  const review = await db().areaReview.create({
    data: { caseAuditId: caseAudit.id, serviceAreaId },
    select: { id: true, version: true },
  });
  return { concern, review, assigned, caseAuditId: caseAudit.id, auditorId: auditor.id };
}

/** A challenge at `status` on a submitted Inadequate case in `serviceAreaId`, raised by `raisedById`. */
export async function createChallenge(options: {
  serviceAreaId: string;
  raisedById?: string;
  status?: 'AWAITING_REPLY' | 'AWAITING_DECISION' | 'REFERRED';
  auditorId?: string;
}) {
  const graded = await createConcernAndReview(options.serviceAreaId);
  if (options.auditorId)
    await db().caseAudit.update({
      where: { id: graded.caseAuditId },
      data: { auditorId: options.auditorId },
    });
  const raisedById = options.raisedById ?? (await createUser('HEAD_OF_SERVICE', options.serviceAreaId)).id;
  const status = options.status ?? 'AWAITING_REPLY';
  const challenge = await db().challenge.create({
    data: {
      caseAuditId: graded.caseAuditId,
      auditId: graded.assigned.auditId,
      serviceAreaId: options.serviceAreaId,
      raisedById,
      raisedAt: new Date(),
      disputedSections: ['plans'],
      proposedGrade: 'requires-improvement',
      reasons: 'The plan was reviewed on time.',
      originalGrade: 'inadequate',
      status,
      ...(status !== 'AWAITING_REPLY'
        ? { reply: 'The plan was late.', repliedAt: new Date(), repliedById: graded.auditorId }
        : {}),
      ...(status === 'REFERRED' ? { referredAt: new Date(), referredById: raisedById } : {}),
    },
    select: { id: true, version: true },
  });
  return {
    challenge,
    sampledCaseId: graded.assigned.sampledCaseId,
    caseAuditId: graded.caseAuditId,
    auditorId: options.auditorId ?? graded.auditorId,
  };
}

export type GradedCaseSpec = {
  serviceAreaId: string;
  grade: string;
  lawType?: 'PUBLIC_LAW' | 'PRIVATE_LAW_WAFH' | 'PRIVATE_LAW_WTFH';
  employment?: 'EMPLOYED' | 'AGENCY';
  childrenSeen?: string;
  teamId?: string;
  sectionGrades?: Record<string, string>;
  qa?: Partial<Record<'collaborative' | 'familyFeedback' | 'managementOversight' | 'supervision', boolean>>;
  strengths?: { themeKey: string; text: string }[];
};

/**
 * A published audit whose graded cases are written as a results import
 * writes them: the fastest honest way to a report with known figures.
 */
export async function createGradedAudit(
  cases: GradedCaseSpec[],
  options: {
    content?: RubricContent;
    windowTo?: string;
    name?: string;
    comparedWithId?: string;
    kind?: 'NATIONAL_PRACTICE_QUALITY' | 'THEMATIC' | 'LOCAL_QUALITY_IMPACT' | 'PERFORMANCE_BOARD';
    status?: 'GRADING' | 'REVIEW' | 'PUBLISHED';
    /** Who graded the cases (default: a new Senior Service Manager, as an import records). */
    auditorId?: string;
  } = {},
) {
  const content = options.content ?? NATIONAL_THRESHOLD_OCTOBER_2014;
  const version = await createThresholdVersion({ content });
  const importerId = options.auditorId ?? (await createUser('SENIOR_SERVICE_MANAGER')).id;
  const windowTo = new Date(`${options.windowTo ?? '2014-10-31'}T00:00:00Z`);
  const audit = await db().audit.create({
    data: {
      name: options.name ?? unique('Graded audit'),
      kind: options.kind ?? 'NATIONAL_PRACTICE_QUALITY',
      purpose: 'Test audit with graded cases',
      windowFrom: new Date(windowTo.getTime() - 30 * 86_400_000),
      windowTo,
      thresholdVersionId: version.id,
      lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'],
      goodOrAboveTarget: 60,
      lowestTarget: 14,
      comparedWithId: options.comparedWithId ?? null,
      status: options.status ?? 'PUBLISHED',
    },
    select: { id: true, name: true, thresholdVersionId: true },
  });
  const teams = new Map<string, string>();
  const results: PastResult[] = [];
  for (const spec of cases) {
    const teamId = spec.teamId ?? teams.get(spec.serviceAreaId) ?? (await createTeam(spec.serviceAreaId)).id;
    teams.set(spec.serviceAreaId, teams.get(spec.serviceAreaId) ?? teamId);
    const practitioner = await createPractitioner(teamId);
    const answers = emptyAnswers(content);
    for (const [key, grade] of Object.entries(spec.sectionGrades ?? {}))
      if (answers.sections[key]) answers.sections[key].grade = grade;
    answers.qa = { ...answers.qa, ...spec.qa };
    answers.strengths = (spec.strengths ?? []).map((note, index) => ({ key: `s${index}`, ...note }));
    answers.overallGrade = spec.grade;
    const lawType = spec.lawType ?? 'PUBLIC_LAW';
    results.push({
      caseRef: unique('R'),
      serviceAreaId: spec.serviceAreaId,
      teamId,
      practitionerId: practitioner.id,
      employment: spec.employment ?? 'EMPLOYED',
      lawType,
      isEit: lawType === 'PRIVATE_LAW_WTFH',
      overallGrade: spec.grade,
      childrenSeen: spec.childrenSeen ?? (lawType === 'PRIVATE_LAW_WTFH' ? 'NOT_APPLICABLE' : 'SEEN'),
      answers,
    });
  }
  await db().$transaction((tx) =>
    writePastResults(
      tx,
      {
        auditId: audit.id,
        thresholdVersionId: version.id,
        actorId: importerId,
        reason: 'test',
        now: new Date(),
      },
      results,
    ),
  );
  return { audit, content };
}

/**
 * One graded case in an audit under way, graded by `auditorId` (default: a new
 * Improvement Manager), chosen for benchmarking and assigned
 * to `benchmarkerId` (default: a new Senior Service Manager); optionally
 * already submitted with a different overall grade.
 */
export async function createBenchmark(
  options: { benchmarkerId?: string; serviceAreaId?: string; submitted?: boolean; auditorId?: string } = {},
) {
  const serviceAreaId = options.serviceAreaId ?? (await createServiceArea()).id;
  const auditor = { id: options.auditorId ?? (await createUser('IMPROVEMENT_MANAGER')).id };
  const { audit, content } = await createGradedAudit(
    [{ serviceAreaId, grade: 'good', sectionGrades: { supervision: 'good', 'case-planning': 'good' } }],
    { status: 'GRADING', auditorId: auditor.id },
  );
  const caseAudit = await db().caseAudit.findFirstOrThrow({
    where: { auditId: audit.id },
    select: { id: true, sampledCaseId: true, answers: true },
  });
  const benchmarkerId = options.benchmarkerId ?? (await createUser('SENIOR_SERVICE_MANAGER')).id;
  const second = completeAnswers(content, 'met');
  const benchmark = await db().benchmark.create({
    data: {
      auditId: audit.id,
      caseAuditId: caseAudit.id,
      serviceAreaId,
      auditorId: auditor.id,
      benchmarkerId,
      chosenBy: 'RANDOM',
      firstOverallGrade: 'good',
      firstSectionGrades: { supervision: 'good', 'case-planning': 'good' },
      ...(options.submitted
        ? {
            status: 'SUBMITTED' as const,
            answers: JSON.parse(JSON.stringify(second)) as object,
            overallGrade: 'met',
            submittedAt: new Date(),
          }
        : {}),
    },
    select: { id: true, version: true },
  });
  return { audit, content, caseAudit, benchmark, auditorId: auditor.id, benchmarkerId, serviceAreaId };
}
