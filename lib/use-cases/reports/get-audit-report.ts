import 'server-only';
import { assertNotBenchmarkingBlind, holdsUnsubmittedBenchmark } from '@/lib/db/blind';
import { getDashboardRules } from '@/lib/db/dashboards';
import { loadReportCounts } from '@/lib/db/report-loader';
import { earlierAuditId, loadReportAudit } from '@/lib/db/reports';
import type { Actor } from '@/lib/domain/actor';
import { seesSmallGroupPercentages } from '@/lib/domain/dashboard';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { buildAuditReport } from '@/lib/domain/report-assembly';
import { authoriseReportScope } from '@/lib/domain/report-scope';
import type { AuditReport, ReportOptions } from '@/lib/domain/report-view';

/**
 * An audit's report as the actor may read it: the scope they may see (their
 * own area's, or national), nothing while they still owe a blind benchmark in
 * it, and small groups' percentages hidden where the dashboards hide them.
 */
export async function getAuditReport(
  actor: Actor,
  auditId: string,
  requestedAreaId: string | null,
  options: ReportOptions = {},
): Promise<AuditReport> {
  const scope = authoriseReportScope(actor, requestedAreaId);
  const audit = await loadReportAudit(auditId);
  if (!audit) throw new NotFoundOrForbiddenError();
  await assertNotBenchmarkingBlind(actor, audit.id);
  const earlierId = await earlierAuditId(audit);
  // An earlier audit still hidden from this benchmarker stays out of the comparison too.
  const shownEarlierId = earlierId && !(await holdsUnsubmittedBenchmark(actor, earlierId)) ? earlierId : null;
  const smallGroups = seesSmallGroupPercentages(actor, scope.serviceAreaId)
    ? null
    : { minGroupSize: (await getDashboardRules()).minGroupSize };
  return buildAuditReport(await loadReportCounts(audit, scope, options, shownEarlierId, smallGroups));
}
