import 'server-only';
import { db } from './client';
import type { Benchmarker, GradedCase } from '@/lib/domain/benchmarking';

// What drawing the benchmark sample and adding a case by hand read: the
// audit, its graded cases and the people who may benchmark them.

export async function getBenchmarkingAudit(auditId: string) {
  return db().audit.findUnique({ where: { id: auditId }, select: { id: true, status: true } });
}

/** A submitted case with its grades, as a benchmark copies them when it is chosen. */
export type GradedCandidate = GradedCase & { overallGrade: string; answers: unknown };

export async function findGradedCases(auditId: string): Promise<GradedCandidate[]> {
  const rows = await db().caseAudit.findMany({
    where: { auditId, status: 'SUBMITTED', overallGrade: { not: null } },
    select: { id: true, auditorId: true, serviceAreaId: true, overallGrade: true, answers: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({
    caseAuditId: row.id,
    auditorId: row.auditorId,
    serviceAreaId: row.serviceAreaId,
    overallGrade: row.overallGrade ?? '',
    answers: row.answers,
  }));
}

/** The case audits of the audit already in its benchmark sample. */
export async function findBenchmarkedCaseIds(auditId: string): Promise<Set<string>> {
  const rows = await db().benchmark.findMany({ where: { auditId }, select: { caseAuditId: true } });
  return new Set(rows.map((row) => row.caseAuditId));
}

/** Every active Senior Service Manager and Head of Service, with their benchmarks in this audit. */
export async function findBenchmarkers(auditId: string): Promise<Benchmarker[]> {
  const [users, loads] = await Promise.all([
    db().user.findMany({
      where: { isActive: true, role: { in: ['SENIOR_SERVICE_MANAGER', 'HEAD_OF_SERVICE'] } },
      select: { id: true, name: true, role: true, serviceAreaId: true },
      orderBy: { name: 'asc' },
    }),
    db().benchmark.groupBy({ by: ['benchmarkerId'], where: { auditId }, _count: { _all: true } }),
  ]);
  const load = new Map(loads.map((row) => [row.benchmarkerId, row._count._all]));
  return users.map((user) => ({
    userId: user.id,
    name: user.name,
    role: user.role as Benchmarker['role'],
    serviceAreaId: user.serviceAreaId,
    load: load.get(user.id) ?? 0,
  }));
}

export async function findCaseReferences(caseAuditIds: string[]): Promise<Map<string, string>> {
  if (caseAuditIds.length === 0) return new Map();
  const rows = await db().caseAudit.findMany({
    where: { id: { in: caseAuditIds } },
    select: { id: true, sampledCase: { select: { caseFile: { select: { reference: true } } } } },
  });
  return new Map(rows.map((row) => [row.id, row.sampledCase.caseFile.reference]));
}

/** The audit's case with this reference (any case: the caller checks it is graded), or null. */
export async function findCaseByReference(auditId: string, caseReference: string) {
  const found = await db().caseAudit.findFirst({
    where: {
      auditId,
      sampledCase: { caseFile: { reference: { equals: caseReference, mode: 'insensitive' } } },
    },
    select: {
      id: true,
      status: true,
      auditorId: true,
      serviceAreaId: true,
      overallGrade: true,
      answers: true,
      benchmark: { select: { id: true } },
    },
  });
  if (!found) return null;
  const { benchmark, ...rest } = found;
  return { ...rest, isBenchmarked: benchmark !== null };
}
