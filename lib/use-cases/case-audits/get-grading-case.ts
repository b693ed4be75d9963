import 'server-only';
import { loadGradingCase, type GradingCase } from '@/lib/db/case-audits';
import type { Actor } from '@/lib/domain/actor';
import { can, inArea } from '@/lib/domain/permissions';

/** The case as its auditor sees it. Only the auditor it is assigned to gets it; anyone else, nothing. */
export async function getGradingCase(actor: Actor, sampledCaseId: string): Promise<GradingCase | null> {
  const row = await loadGradingCase(sampledCaseId);
  if (!row || !can(actor, 'caseAudit.grade', inArea(row.serviceAreaId))) return null;
  if (row.status !== 'SELECTED' || row.assignedToId !== actor.userId) return null;
  const { status: _sampled, ...grading } = row;
  return grading;
}
