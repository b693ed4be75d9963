import 'server-only';
import { loadReportCounts } from '@/lib/db/report-loader';
import { earlierAuditId, findReportAuditIdByName, loadReportAudit } from '@/lib/db/reports';
import { buildAuditReport } from '@/lib/domain/report-assembly';
import type { AuditReport } from '@/lib/domain/report-view';

/**
 * For the `report` command and the benchmarks, which run with no one signed
 * in: the national report of the audit of that name, or null.
 */
export async function getNationalReportByName(name: string): Promise<AuditReport | null> {
  const auditId = await findReportAuditIdByName(name);
  const audit = auditId ? await loadReportAudit(auditId) : null;
  if (!audit) return null;
  const counts = await loadReportCounts(
    audit,
    { serviceAreaId: null },
    {},
    await earlierAuditId(audit),
    null,
  );
  return buildAuditReport(counts);
}
