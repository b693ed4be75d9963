import 'server-only';
import { findAuditBenchmarkRows } from '@/lib/db/benchmarks';
import type { Actor } from '@/lib/domain/actor';
import { compareGradings } from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';

export type BenchmarkListItem = {
  id: string;
  caseReference: string;
  areaCode: string;
  auditorName: string;
  benchmarkerName: string;
  chosenBy: string;
  status: string;
  /** How many grades differ, once the benchmarker has submitted; null before. */
  differences: number | null;
};

/** An audit's benchmarks, for the audit lead who manages them and those who read the calibration. */
export async function findAuditBenchmarks(actor: Actor, auditId: string): Promise<BenchmarkListItem[]> {
  if (!can(actor, 'benchmark.manage', NATIONAL) && !can(actor, 'calibration.view', NATIONAL))
    throw new NotFoundOrForbiddenError('benchmark.manage');
  const rows = await findAuditBenchmarkRows(auditId);
  return rows.map(({ stored, content, ...row }) => ({
    ...row,
    differences: stored && content ? compareGradings(content, stored).differences.length : null,
  }));
}
