// Inspection judgements of an area (seed 004: outstanding / good / requires
// improvement / inadequate) beside what the area's own audit found, flagged
// where the two tell different stories. Pure.
export const INSPECTION_GRADES = ['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'] as const;
export type InspectionGrade = (typeof INSPECTION_GRADES)[number];

export const INSPECTION_GRADE_LABELS: Record<InspectionGrade, string> = {
  OUTSTANDING: 'Outstanding',
  GOOD: 'Good',
  REQUIRES_IMPROVEMENT: 'Requires improvement',
  INADEQUATE: 'Inadequate',
};

/** The national audit's targets when the audit sets none (seed 000: at least 60% Good, at most 14% Not Met). */
export const DEFAULT_TARGETS = { goodOrAbove: 60, lowest: 14 } as const;

export type AreaAuditFigures = {
  auditName: string;
  cases: number;
  goodOrAbove: number;
  lowest: number;
  targets: { goodOrAbove: number; lowest: number };
};

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));

/**
 * Where an inspection's judgement and the area's audit disagree: a good or
 * outstanding judgement beside an audit that missed a target, or a judgement
 * below good beside an audit that met both. Null when they agree or when the
 * area has no audit to compare with.
 */
export function inspectionDisagreement(
  grade: InspectionGrade,
  figures: AreaAuditFigures | null,
): string | null {
  if (!figures || figures.cases === 0) return null;
  const good = percent(figures.goodOrAbove, figures.cases);
  const lowest = percent(figures.lowest, figures.cases);
  const missed: string[] = [];
  if (good < figures.targets.goodOrAbove)
    missed.push(`${good}% Good, below the ${figures.targets.goodOrAbove}% target`);
  if (lowest > figures.targets.lowest)
    missed.push(`${lowest}% Not Met, above the ${figures.targets.lowest}% target`);
  const judged = INSPECTION_GRADE_LABELS[grade].toLowerCase();
  const favourable = grade === 'OUTSTANDING' || grade === 'GOOD';
  if (favourable && missed.length > 0) {
    return `Judged ${judged}, but ${figures.auditName} found ${missed.join(' and ')}.`;
  }
  if (!favourable && missed.length === 0) {
    return `Judged ${judged}, but ${figures.auditName} met both targets (${good}% Good, ${lowest}% Not Met).`;
  }
  return null;
}

/** A judgement as pages show it: beside the area's audit figures, with any disagreement in words. */
export type InspectionJudgementView = {
  id: string;
  areaCode: string;
  judgedOn: string;
  grade: InspectionGrade;
  inspectedBy: string;
  note: string;
  recordedByName: string;
  audit: { name: string; cases: number; goodPercent: number; lowestPercent: number } | null;
  disagreement: string | null;
};
