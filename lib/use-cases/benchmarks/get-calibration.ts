import 'server-only';
import { auditsWithheldWhileBenchmarking, holdsUnsubmittedBenchmark } from '@/lib/db/blind';
import { contentOf } from '@/lib/db/case-audits';
import { findCalibrationBenchmarks, getCalibrationAudit } from '@/lib/db/calibration';
import type { Actor } from '@/lib/domain/actor';
import { assembleCalibration, type CalibrationReport } from '@/lib/domain/calibration';
import { NotFoundOrForbiddenError, WithheldWhileBenchmarkingError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';

/**
 * The calibration report of an audit, for the audit lead and the directors.
 * A pair shows a first grade, so a reader who still benchmarks blind in this
 * audit is told to submit first, and audits where they do are left out of the
 * trend (isWithheldWhileBenchmarking).
 */
export async function getCalibration(actor: Actor, auditId: string): Promise<CalibrationReport> {
  const audit = await getCalibrationAudit(auditId);
  if (!audit || !can(actor, 'calibration.view', NATIONAL))
    throw new NotFoundOrForbiddenError('calibration.view');
  if (await holdsUnsubmittedBenchmark(actor, audit.id)) throw new WithheldWhileBenchmarkingError();
  const [content, { audits, benchmarks }] = await Promise.all([
    contentOf(audit.thresholdVersionId),
    findCalibrationBenchmarks(audit, await auditsWithheldWhileBenchmarking(actor)),
  ]);
  return assembleCalibration({ id: audit.id, name: audit.name, content }, audits, benchmarks);
}
