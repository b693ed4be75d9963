import 'server-only';
import { db } from './client';
import { contentOf } from './case-audits';
import type { AuditStatus, LawType } from '@/lib/domain/audits';
import { hasBothGradings, type StoredGradings } from '@/lib/domain/benchmarking';
import { emptyAnswers, normaliseAnswers, type GradingAnswers } from '@/lib/domain/grading';
import type { RubricContent } from '@/lib/domain/rubric';
import { GradingAnswersSchema } from '@/lib/schemas/grading';

// Benchmarks as lists and as one benchmark (to grade, or both gradings side by
// side): plain views. Who may see which is decided in lib/use-cases/benchmarks.

const CASE_FILE = {
  select: { caseFile: { select: { reference: true, serviceArea: { select: { code: true } } } } },
} as const;

/** Both gradings, once the benchmarker has submitted; null before (nothing to compare yet). */
function storedGradings(row: {
  status: string;
  firstOverallGrade: string;
  firstSectionGrades: unknown;
  overallGrade: string | null;
  answers: unknown;
}): StoredGradings | null {
  if (!hasBothGradings(row.status)) return null;
  return {
    firstOverallGrade: row.firstOverallGrade,
    firstSectionGrades: row.firstSectionGrades as Record<string, string | null>,
    overallGrade: row.overallGrade,
    answers: row.answers ? GradingAnswersSchema.parse(row.answers) : null,
  };
}

async function auditsById(auditIds: string[]) {
  const audits = await db().audit.findMany({
    where: { id: { in: [...new Set(auditIds)] } },
    select: { id: true, name: true, status: true },
  });
  return new Map(audits.map((audit) => [audit.id, audit]));
}

async function userNames(userIds: string[]): Promise<Map<string, string>> {
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    select: { id: true, name: true },
  });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** An audit's benchmarks, oldest first, with both gradings (once submitted) and the rubric to compare them on. */
export async function findAuditBenchmarkRows(auditId: string) {
  const rows = await db().benchmark.findMany({
    where: { auditId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      chosenBy: true,
      status: true,
      firstOverallGrade: true,
      firstSectionGrades: true,
      overallGrade: true,
      answers: true,
      auditorId: true,
      benchmarker: { select: { name: true } },
      caseAudit: { select: { thresholdVersionId: true, sampledCase: CASE_FILE } },
    },
  });
  const names = await userNames(rows.map((row) => row.auditorId));
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      caseReference: row.caseAudit.sampledCase.caseFile.reference,
      areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
      auditorName: names.get(row.auditorId) ?? '',
      benchmarkerName: row.benchmarker.name,
      chosenBy: row.chosenBy,
      status: row.status,
      stored: storedGradings(row),
      content: hasBothGradings(row.status) ? await contentOf(row.caseAudit.thresholdVersionId) : null,
    })),
  );
}

export type MyBenchmark = {
  id: string;
  auditName: string;
  caseReference: string;
  areaCode: string;
  status: string;
};

export async function findBenchmarksOf(benchmarkerId: string): Promise<MyBenchmark[]> {
  if (!benchmarkerId) throw new Error('benchmarker scope missing');
  const rows = await db().benchmark.findMany({
    where: { benchmarkerId },
    orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, status: true, auditId: true, caseAudit: { select: { sampledCase: CASE_FILE } } },
  });
  const audits = await auditsById(rows.map((row) => row.auditId));
  return rows.map((row) => ({
    id: row.id,
    auditName: audits.get(row.auditId)?.name ?? '',
    caseReference: row.caseAudit.sampledCase.caseFile.reference,
    areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
    status: row.status,
  }));
}

export type BenchmarkCase = {
  benchmarkId: string;
  auditName: string;
  auditStatus: AuditStatus;
  caseReference: string;
  areaCode: string;
  lawType: LawType;
  isEit: boolean;
  status: string;
  content: RubricContent;
  answers: GradingAnswers;
  version: number;
};

/**
 * A benchmark as its benchmarker grades it: the case and their own answers,
 * never the original grades. With whose it is and the case's area, for the
 * use case to decide who may open it.
 */
export async function getBenchmarkGrading(
  benchmarkId: string,
): Promise<{ benchmarkerId: string; serviceAreaId: string; view: BenchmarkCase } | null> {
  const row = await db().benchmark.findUnique({
    where: { id: benchmarkId },
    select: {
      id: true,
      benchmarkerId: true,
      serviceAreaId: true,
      status: true,
      answers: true,
      version: true,
      auditId: true,
      caseAudit: {
        select: { thresholdVersionId: true, lawType: true, isEit: true, sampledCase: CASE_FILE },
      },
    },
  });
  if (!row) return null;
  const content = await contentOf(row.caseAudit.thresholdVersionId);
  const audit = (await auditsById([row.auditId])).get(row.auditId);
  return {
    benchmarkerId: row.benchmarkerId,
    serviceAreaId: row.serviceAreaId,
    view: {
      benchmarkId: row.id,
      auditName: audit?.name ?? '',
      auditStatus: audit?.status ?? 'PUBLISHED',
      caseReference: row.caseAudit.sampledCase.caseFile.reference,
      areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
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

/** A benchmark with both gradings (once submitted), who took part, and any agreed grades: what a comparison shows. */
export async function getBenchmarkComparison(benchmarkId: string) {
  const row = await db().benchmark.findUnique({
    where: { id: benchmarkId },
    select: {
      id: true,
      version: true,
      status: true,
      serviceAreaId: true,
      benchmarkerId: true,
      auditorId: true,
      firstOverallGrade: true,
      firstSectionGrades: true,
      overallGrade: true,
      answers: true,
      agreedOverallGrade: true,
      agreedSectionGrades: true,
      moderationReason: true,
      moderatedBy: { select: { name: true } },
      benchmarker: { select: { name: true } },
      auditId: true,
      caseAudit: { select: { thresholdVersionId: true, auditorId: true, sampledCase: CASE_FILE } },
    },
  });
  if (!row) return null;
  const content = await contentOf(row.caseAudit.thresholdVersionId);
  const auditor = await db().user.findUnique({ where: { id: row.auditorId }, select: { name: true } });
  const audit = (await auditsById([row.auditId])).get(row.auditId);
  return {
    benchmarkId: row.id,
    auditId: row.auditId,
    version: row.version,
    status: row.status,
    serviceAreaId: row.serviceAreaId,
    benchmarkerId: row.benchmarkerId,
    /** Whose grades the benchmark compared with. */
    auditorId: row.auditorId,
    /** The case's auditor of record now (another, if the case changed hands since). */
    caseAuditorId: row.caseAudit.auditorId,
    auditName: audit?.name ?? '',
    auditStatus: audit?.status ?? 'PUBLISHED',
    caseReference: row.caseAudit.sampledCase.caseFile.reference,
    areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
    auditorName: auditor?.name ?? '',
    benchmarkerName: row.benchmarker.name,
    content,
    stored: storedGradings(row),
    agreed:
      row.status === 'MODERATED'
        ? {
            overall: row.agreedOverallGrade,
            sections: (row.agreedSectionGrades ?? {}) as Record<string, string>,
            reason: row.moderationReason ?? '',
            by: row.moderatedBy?.name ?? null,
          }
        : null,
  };
}
