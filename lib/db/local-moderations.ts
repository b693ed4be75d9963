import 'server-only';
import { db } from './client';
import { contentOf } from './case-audits';
import type { AuditStatus, LawType } from '@/lib/domain/audits';
import type { StoredGradings } from '@/lib/domain/benchmarking';
import { emptyAnswers, normaliseAnswers, type GradingAnswers } from '@/lib/domain/grading';
import { hasModeratorGraded } from '@/lib/domain/local-moderation';
import type { RubricContent } from '@/lib/domain/rubric';
import { GradingAnswersSchema } from '@/lib/schemas/grading';

// Moderations as a list and as one moderation (to grade blind, or both
// gradings side by side). Who may see which is decided in lib/use-cases/moderation.

const CASE = {
  select: {
    thresholdVersionId: true,
    lawType: true,
    isEit: true,
    auditorId: true,
    sampledCase: {
      select: {
        month: true,
        caseFile: {
          select: {
            reference: true,
            serviceArea: { select: { code: true } },
            practitioner: { select: { name: true } },
            team: { select: { name: true } },
          },
        },
        audit: { select: { name: true, status: true } },
      },
    },
  },
} as const;

export type MyModeration = {
  id: string;
  caseReference: string;
  auditName: string;
  month: string | null;
  teamName: string | null;
  status: string;
};

/** A moderator's moderations: to do first, then graded, then agreed; each oldest first. */
export async function findModerationsOf(
  moderatorId: string,
  options: { open?: boolean; take?: number } = {},
) {
  if (!moderatorId) throw new Error('moderator scope missing');
  const rows = await db().localModeration.findMany({
    where: {
      moderatorId,
      ...(options.open ? { status: { in: ['ASSIGNED', 'IN_PROGRESS', 'SUBMITTED'] } } : {}),
    },
    orderBy: [{ status: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    take: options.take ?? 500,
    select: { id: true, status: true, caseAudit: CASE },
  });
  return rows.map((row): MyModeration => ({
    id: row.id,
    caseReference: row.caseAudit.sampledCase.caseFile.reference,
    auditName: row.caseAudit.sampledCase.audit.name,
    month: row.caseAudit.sampledCase.month?.toISOString().slice(0, 7) ?? null,
    teamName: row.caseAudit.sampledCase.caseFile.team?.name ?? null,
    status: row.status,
  }));
}

export type ModerationCase = {
  moderationId: string;
  auditName: string;
  auditStatus: AuditStatus;
  caseReference: string;
  areaCode: string;
  practitionerName: string;
  teamName: string | null;
  lawType: LawType;
  isEit: boolean;
  status: string;
  content: RubricContent;
  answers: GradingAnswers;
  version: number;
};

/**
 * A moderation as its moderator grades it: the case and their own answers,
 * never the manager's grades. With whose it is and the area, for the use case.
 */
export async function getModerationGrading(
  moderationId: string,
): Promise<{ moderatorId: string; serviceAreaId: string; view: ModerationCase } | null> {
  const row = await db().localModeration.findUnique({
    where: { id: moderationId },
    select: {
      id: true,
      moderatorId: true,
      serviceAreaId: true,
      status: true,
      answers: true,
      version: true,
      caseAudit: CASE,
    },
  });
  if (!row) return null;
  const content = await contentOf(row.caseAudit.thresholdVersionId);
  const { caseFile, audit } = row.caseAudit.sampledCase;
  return {
    moderatorId: row.moderatorId,
    serviceAreaId: row.serviceAreaId,
    view: {
      moderationId: row.id,
      auditName: audit.name,
      auditStatus: audit.status,
      caseReference: caseFile.reference,
      areaCode: caseFile.serviceArea.code,
      practitionerName: caseFile.practitioner.name,
      teamName: caseFile.team?.name ?? null,
      lawType: row.caseAudit.lawType!,
      isEit: row.caseAudit.isEit!,
      status: row.status,
      content,
      answers: row.answers
        ? normaliseAnswers(content, GradingAnswersSchema.parse(row.answers))
        : emptyAnswers(content),
      version: row.version,
    },
  };
}

/** Both gradings (once the moderator has submitted; null before), who took part, and any agreement. */
export async function getModerationComparison(moderationId: string) {
  const row = await db().localModeration.findUnique({
    where: { id: moderationId },
    select: {
      id: true,
      version: true,
      status: true,
      serviceAreaId: true,
      moderatorId: true,
      managerId: true,
      firstOverallGrade: true,
      firstSectionGrades: true,
      overallGrade: true,
      answers: true,
      agreedOverallGrade: true,
      agreedSectionGrades: true,
      agreedReason: true,
      caseAudit: CASE,
    },
  });
  if (!row) return null;
  const [content, people] = await Promise.all([
    contentOf(row.caseAudit.thresholdVersionId),
    db().user.findMany({
      where: { id: { in: [row.managerId, row.moderatorId] } },
      select: { id: true, name: true },
    }),
  ]);
  const nameOf = (id: string) => people.find((person) => person.id === id)?.name ?? '';
  const { caseFile, audit } = row.caseAudit.sampledCase;
  const stored: StoredGradings | null = hasModeratorGraded(row.status)
    ? {
        firstOverallGrade: row.firstOverallGrade,
        firstSectionGrades: row.firstSectionGrades as Record<string, string | null>,
        overallGrade: row.overallGrade,
        answers: row.answers ? GradingAnswersSchema.parse(row.answers) : null,
      }
    : null;
  return {
    moderationId: row.id,
    version: row.version,
    status: row.status,
    serviceAreaId: row.serviceAreaId,
    moderatorId: row.moderatorId,
    managerId: row.managerId,
    auditName: audit.name,
    auditStatus: audit.status,
    caseReference: caseFile.reference,
    areaCode: caseFile.serviceArea.code,
    practitionerName: caseFile.practitioner.name,
    teamName: caseFile.team?.name ?? null,
    managerName: nameOf(row.managerId),
    moderatorName: nameOf(row.moderatorId),
    content,
    stored,
    agreed:
      row.status === 'MODERATED'
        ? {
            overall: row.agreedOverallGrade,
            sections: (row.agreedSectionGrades ?? {}) as Record<string, string>,
            reason: row.agreedReason ?? '',
          }
        : null,
  };
}
