// The calibration report of an audit: how closely the benchmarkers' blind
// grades matched the auditors', in this audit and across the audits of its
// kind up to it. Assembled here from the benchmarks a read model loads (both
// gradings of each, who graded, where); `calibrate` does the counting. Pure.
import {
  calibrate,
  compareGradings,
  type BenchmarkPair,
  type Calibration,
  type StoredGradings,
} from './benchmarking';
import type { RubricContent } from './rubric';

/** An audit the calibration reads benchmarks from, with the rubric its cases were graded on. */
export type CalibrationAudit = { id: string; name: string; windowTo: Date; content: RubricContent };

/** One submitted or moderated benchmark. */
export type CalibrationBenchmark = StoredGradings & {
  auditId: string;
  auditorId: string;
  auditorName: string;
  serviceAreaId: string;
  areaCode: string;
  moderatorId: string | null;
  moderatorName: string | null;
};

export type CalibrationReport = {
  auditName: string;
  content: RubricContent;
  /** This audit's benchmarks. */
  calibration: Calibration;
  /** Every audit's benchmarks on this audit's scale, oldest audit first (the trend). */
  acrossAudits: Calibration;
};

/**
 * The report for `audit` from `benchmarks` of `audits` (this audit among them,
 * when it has any). Benchmarks of an audit missing from `audits` are left out.
 * Across audits the pairs run in audit window order, so the trend reads left
 * to right (benchmarks of one window keep the order they came in); another
 * audit may grade on another scale, so the trend keeps only pairs graded
 * overall, both times, on this audit's scale.
 */
export function assembleCalibration(
  audit: { id: string; name: string; content: RubricContent },
  audits: readonly CalibrationAudit[],
  benchmarks: readonly CalibrationBenchmark[],
): CalibrationReport {
  const auditsById = new Map(audits.map((candidate) => [candidate.id, candidate]));
  const pairs: BenchmarkPair[] = benchmarks
    .flatMap((benchmark) => {
      const itsAudit = auditsById.get(benchmark.auditId);
      return itsAudit ? [{ benchmark, itsAudit }] : [];
    })
    .sort((a, b) => a.itsAudit.windowTo.getTime() - b.itsAudit.windowTo.getTime())
    .map(({ benchmark, itsAudit }) => {
      const { first, second } = compareGradings(itsAudit.content, benchmark);
      return {
        auditId: benchmark.auditId,
        auditName: itsAudit.name,
        auditorId: benchmark.auditorId,
        auditorName: benchmark.auditorName,
        serviceAreaId: benchmark.serviceAreaId,
        areaCode: benchmark.areaCode,
        first,
        second,
        moderatorId: benchmark.moderatorId,
        moderatorName: benchmark.moderatorName,
      };
    });
  const { content } = audit;
  const levels = content.scale.levels.map((level) => level.key);
  const labels = Object.fromEntries(content.scale.levels.map((level) => [level.key, level.label]));
  const sections = content.sections.map((section) => ({ key: section.key, title: section.title }));
  const onScale = pairs.filter((pair) =>
    [pair.first.overall, pair.second.overall].every((grade) => grade !== null && levels.includes(grade)),
  );
  return {
    auditName: audit.name,
    content,
    calibration: calibrate(
      levels,
      sections,
      pairs.filter((pair) => pair.auditId === audit.id),
      labels,
    ),
    acrossAudits: calibrate(levels, sections, onScale, labels),
  };
}
