// Local audits and their moderations for integration tests: graded cases in
// a local programme (written as a results import writes them, then given to
// their Service Managers and months), and a moderation of one of them.
import { db } from '@/lib/db/client';
import { sectionGrades } from '@/lib/domain/grading';
import { GradingAnswersSchema } from '@/lib/schemas/grading';
import { completeAnswers, createGradedAudit, createServiceArea, createUser } from './index';

export type LocalCase = { caseAuditId: string; sampledCaseId: string; managerId: string; grade: string };

/**
 * A local quality-and-impact audit under way in `serviceAreaId` (10% moderated),
 * with each manager's cases graded at the grades given, all counting towards
 * `month` (yyyy-mm-01).
 */
export async function createLocalAuditCases(options: {
  serviceAreaId: string;
  managers: { id: string; grades: string[] }[];
  month?: string;
  status?: 'GRADING' | 'PUBLISHED';
}) {
  const specs = options.managers.flatMap((manager) =>
    manager.grades.map((grade) => ({
      serviceAreaId: options.serviceAreaId,
      grade,
      sectionGrades: { supervision: grade, 'case-planning': grade },
    })),
  );
  const { audit, content } = await createGradedAudit(specs, {
    kind: 'LOCAL_QUALITY_IMPACT',
    // Published last: a trigger freezes a published audit's cases.
    status: 'GRADING',
  });
  await db().localAuditProgramme.create({ data: { auditId: audit.id } });
  const rows = await db().caseAudit.findMany({
    where: { auditId: audit.id },
    orderBy: { id: 'asc' },
    select: { id: true, sampledCaseId: true, overallGrade: true },
  });
  // The import wrote them in spec order; match each manager's grades to rows of that grade.
  const owners = options.managers.flatMap((manager) =>
    manager.grades.map((grade) => ({ id: manager.id, grade })),
  );
  const cases: LocalCase[] = [];
  const free = [...rows];
  for (const owner of owners) {
    const index = free.findIndex((row) => row.overallGrade === owner.grade);
    const [row] = free.splice(index, 1);
    if (!row) throw new Error('local case fixture out of step');
    cases.push({
      caseAuditId: row.id,
      sampledCaseId: row.sampledCaseId,
      managerId: owner.id,
      grade: owner.grade,
    });
  }
  const month = new Date(`${options.month ?? '2039-04-01'}T00:00:00Z`);
  for (const item of cases) {
    await db().caseAudit.update({ where: { id: item.caseAuditId }, data: { auditorId: item.managerId } });
    await db().sampledCase.update({
      where: { id: item.sampledCaseId },
      data: { month, pickedBy: 'draw', assignedToId: item.managerId },
    });
  }
  if (options.status === 'PUBLISHED')
    await db().audit.update({ where: { id: audit.id }, data: { status: 'PUBLISHED' } });
  return { audit, content, cases };
}

/**
 * One graded local case (graded 'good' by a Service Manager) given to a Head
 * of Practice to moderate; optionally already submitted at 'met' (so the two differ).
 */
export async function createLocalModeration(
  options: {
    serviceAreaId?: string;
    moderatorId?: string;
    submitted?: boolean;
    status?: 'GRADING' | 'PUBLISHED';
  } = {},
) {
  const serviceAreaId = options.serviceAreaId ?? (await createServiceArea()).id;
  const manager = await createUser('SERVICE_MANAGER', serviceAreaId);
  const moderatorId = options.moderatorId ?? (await createUser('HEAD_OF_PRACTICE', serviceAreaId)).id;
  const { audit, content, cases } = await createLocalAuditCases({
    serviceAreaId,
    managers: [{ id: manager.id, grades: ['good'] }],
    status: options.status,
  });
  const graded = await db().caseAudit.findUniqueOrThrow({
    where: { id: cases[0]!.caseAuditId },
    select: { id: true, teamId: true, answers: true },
  });
  const second = completeAnswers(content, 'met');
  const moderation = await db().localModeration.create({
    data: {
      auditId: audit.id,
      caseAuditId: graded.id,
      serviceAreaId,
      teamId: graded.teamId,
      managerId: manager.id,
      moderatorId,
      chosenBy: 'draw',
      firstOverallGrade: 'good',
      firstSectionGrades: sectionGrades(GradingAnswersSchema.parse(graded.answers)),
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
  return {
    audit,
    content,
    moderation,
    caseAuditId: graded.id,
    sampledCaseId: cases[0]!.sampledCaseId,
    serviceAreaId,
    managerId: manager.id,
    moderatorId,
  };
}
