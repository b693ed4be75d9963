import 'server-only';
import { db } from './client';
import { contentOf } from './case-audits';
import type { CalibrationAudit, CalibrationBenchmark } from '@/lib/domain/calibration';
import { GradingAnswersSchema } from '@/lib/schemas/grading';

// The calibration report's read model: the submitted and moderated benchmarks
// of an audit and of the audits of its kind before it. lib/domain/calibration.ts
// assembles the report from them.

export type CalibrationAuditRow = NonNullable<Awaited<ReturnType<typeof getCalibrationAudit>>>;

export async function getCalibrationAudit(auditId: string) {
  return db().audit.findUnique({
    where: { id: auditId },
    select: { id: true, name: true, kind: true, windowTo: true, thresholdVersionId: true },
  });
}

/**
 * Every submitted or moderated benchmark of the audits of `audit`'s kind that
 * ended no later than it, except those in `withoutAuditIds`; with the audits
 * they belong to and the rubric each was graded on.
 */
export async function findCalibrationBenchmarks(
  audit: Pick<CalibrationAuditRow, 'kind' | 'windowTo'>,
  withoutAuditIds: string[],
): Promise<{ audits: CalibrationAudit[]; benchmarks: CalibrationBenchmark[] }> {
  const candidates = await db().audit.findMany({
    where: { kind: audit.kind, windowTo: { lte: audit.windowTo }, id: { notIn: withoutAuditIds } },
    select: { id: true },
  });
  const rows = await db().benchmark.findMany({
    where: {
      status: { in: ['SUBMITTED', 'MODERATED'] },
      auditId: { in: candidates.map((candidate) => candidate.id) },
    },
    select: {
      auditId: true,
      auditorId: true,
      serviceAreaId: true,
      firstOverallGrade: true,
      firstSectionGrades: true,
      overallGrade: true,
      answers: true,
      moderatedById: true,
      moderatedBy: { select: { name: true } },
    },
  });
  const [audits, people, areas] = await Promise.all([
    db().audit.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.auditId))] } },
      select: { id: true, name: true, windowTo: true, thresholdVersionId: true },
    }),
    db().user.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.auditorId))] } },
      select: { id: true, name: true },
    }),
    db().serviceArea.findMany({ select: { id: true, code: true } }),
  ]);
  const names = new Map(people.map((person) => [person.id, person.name]));
  const codes = new Map(areas.map((area) => [area.id, area.code]));
  return {
    audits: await Promise.all(
      audits.map(async ({ thresholdVersionId, ...rest }) => ({
        ...rest,
        content: await contentOf(thresholdVersionId),
      })),
    ),
    benchmarks: rows.map((row) => ({
      auditId: row.auditId,
      auditorId: row.auditorId,
      auditorName: names.get(row.auditorId) ?? '',
      serviceAreaId: row.serviceAreaId,
      areaCode: codes.get(row.serviceAreaId) ?? '',
      moderatorId: row.moderatedById,
      moderatorName: row.moderatedBy?.name ?? null,
      firstOverallGrade: row.firstOverallGrade,
      firstSectionGrades: row.firstSectionGrades as Record<string, string | null>,
      overallGrade: row.overallGrade,
      answers: row.answers ? GradingAnswersSchema.parse(row.answers) : null,
    })),
  };
}
