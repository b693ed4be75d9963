import 'server-only';
import { loadGradingCase, type GradingCase } from '@/lib/db/case-audits';
import type { Actor } from '@/lib/domain/actor';
import { mayGradeCase } from '@/lib/domain/grading-access';

/**
 * The case as its auditor sees it. Only the auditor it is assigned to gets it (a Service Manager:
 * a local audit's case of a team they manage); anyone else, nothing.
 */
export async function getGradingCase(actor: Actor, sampledCaseId: string): Promise<GradingCase | null> {
  const row = await loadGradingCase(sampledCaseId);
  if (!row || !mayGradeCase(actor, row)) return null;
  const { status: _sampled, ...grading } = row;
  return grading;
}
