// What a measure may say, and what a thematic audit commissioned to test one
// starts as. Pure: the use cases load what these rules look at.
import type { AuditKind, LawType } from './audits';
import { RuleError } from './errors';
import type { Employment, MeasureShare, TargetDirection } from './measures';
import { casesPerGroup, sampleVerdict, type SampleVerdict } from './sample-size';

export type MeasureSettings = {
  label: string;
  sectionKey: string | null;
  share: MeasureShare;
  auditKinds: AuditKind[];
  lawTypes: LawType[];
  serviceAreaIds: string[];
  teamIds: string[];
  employment: Employment | null;
  baselineAuditId: string | null;
  targetPercent: number | null;
  targetDirection: TargetDirection;
};

export type MeasureContext = {
  /** The source's area; null for a national source. */
  sourceServiceAreaId: string | null;
  /** The baseline audit as it stands, or null when none was chosen or it does not exist. */
  baseline: { isPublished: boolean; sectionKeys: string[] } | null;
  /** Each chosen team's area (a team not found is missing). */
  teamAreas: Record<string, string>;
  /** The chosen areas that exist. */
  knownAreaIds: string[];
};

/** Throws a RuleError naming the field at fault. */
export function assertMeasureSettings(settings: MeasureSettings, context: MeasureContext): void {
  if (settings.baselineAuditId !== null) {
    if (!context.baseline) throw new RuleError('Choose the baseline audit from the list', 'baselineAuditId');
    if (!context.baseline.isPublished)
      throw new RuleError(
        'The baseline must be a published audit: its figures no longer change',
        'baselineAuditId',
      );
  }
  if (settings.sectionKey !== null) {
    if (!context.baseline)
      throw new RuleError(
        'Choose the baseline audit whose threshold version the section comes from',
        'baselineAuditId',
      );
    if (!context.baseline.sectionKeys.includes(settings.sectionKey))
      throw new RuleError('Choose a section of the baseline audit’s threshold version', 'sectionKey');
  }
  if (settings.serviceAreaIds.some((id) => !context.knownAreaIds.includes(id)))
    throw new RuleError('Choose service areas from the list', 'serviceAreaIds');
  if (context.sourceServiceAreaId !== null) {
    // An area's recommendation is measured on its own area's cases: its leaders read no other area's.
    if (settings.serviceAreaIds.length !== 1 || settings.serviceAreaIds[0] !== context.sourceServiceAreaId)
      throw new RuleError(
        'This recommendation belongs to one area: measure that area’s cases',
        'serviceAreaIds',
      );
  }
  for (const teamId of settings.teamIds) {
    const area = context.teamAreas[teamId];
    if (!area) throw new RuleError('Choose teams from the list', 'teamIds');
    if (settings.serviceAreaIds.length > 0 && !settings.serviceAreaIds.includes(area))
      throw new RuleError('Choose teams of the chosen service areas', 'teamIds');
  }
}

export type CommissionSource = {
  recommendation: {
    number: string;
    text: string;
    serviceAreaIds: string[];
    lawTypes: LawType[];
    dueOn: string | null;
  };
  sourceTitle: string;
  measure: {
    label: string;
    share: MeasureShare;
    lawTypes: LawType[];
    serviceAreaIds: string[];
    targetPercent: number | null;
    targetDirection: TargetDirection;
  } | null;
  /** Every service area's id, for a national recommendation's scope. */
  allServiceAreaIds: string[];
  latestThresholdVersionId: string | null;
  /** Today, yyyy-mm-dd: the filing window defaults to the three months before it. */
  today: string;
};

export type CommissionDefaults = {
  name: string;
  kind: 'THEMATIC';
  purpose: string;
  windowFrom: string;
  windowTo: string;
  thresholdVersionId: string;
  lawTypes: LawType[];
  serviceAreaIds: string[];
  goodOrAboveTarget: number | null;
  lowestTarget: number | null;
  targetDate: string | null;
  comparedWithId: string | null;
  commissionedById: string | null;
  leadId: string | null;
  challengeWindowDays: number;
};

/** The first of the month three months before the day's month: a quarter's filings up to the day. */
function threeMonthsBefore(day: string): string {
  const [year, month] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 4, 1)).toISOString().slice(0, 10);
}

/**
 * The thematic audit a recommendation's measure asks for, as the form first
 * shows it: named for the recommendation, its scope (the measure's where it
 * narrows it), the measure's target as the audit's target, the latest
 * published threshold version. Everything stays editable.
 */
export function commissionDefaults(source: CommissionSource): CommissionDefaults {
  const { recommendation, measure } = source;
  const lawTypes = measure?.lawTypes.length
    ? measure.lawTypes
    : recommendation.lawTypes.length
      ? recommendation.lawTypes
      : (['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'] as LawType[]);
  const serviceAreaIds = measure?.serviceAreaIds.length
    ? measure.serviceAreaIds
    : recommendation.serviceAreaIds.length
      ? recommendation.serviceAreaIds
      : source.allServiceAreaIds;
  const target = measure?.targetPercent ?? null;
  const goodOrAboveTarget =
    measure && target !== null && measure.share === 'GOOD_OR_ABOVE' && measure.targetDirection === 'AT_LEAST'
      ? target
      : null;
  const lowestTarget =
    measure && target !== null && measure.share === 'LOWEST' && measure.targetDirection === 'AT_MOST'
      ? target
      : null;
  const hasTarget = goodOrAboveTarget !== null || lowestTarget !== null;
  const firstLine =
    recommendation.text.length > 60 ? `${recommendation.text.slice(0, 57).trimEnd()}…` : recommendation.text;
  return {
    name: `Thematic audit: Rec ${recommendation.number}, ${firstLine}`.slice(0, 120),
    kind: 'THEMATIC',
    purpose: [
      `To test recommendation ${recommendation.number} of “${source.sourceTitle}”: ${recommendation.text}.`,
      measure
        ? `Measure: ${measure.label}${target !== null ? ` (target ${measure.targetDirection === 'AT_LEAST' ? 'at least' : 'at most'} ${target}%)` : ''}.`
        : '',
    ]
      .filter(Boolean)
      .join(' ')
      .slice(0, 2000),
    windowFrom: threeMonthsBefore(source.today),
    windowTo: source.today,
    thresholdVersionId: source.latestThresholdVersionId ?? '',
    lawTypes,
    serviceAreaIds,
    goodOrAboveTarget,
    lowestTarget,
    targetDate: hasTarget ? recommendation.dueOn : null,
    comparedWithId: null,
    commissionedById: null,
    leadId: null,
    challengeWindowDays: 10,
  };
}

export type AreaSampleRow = {
  serviceAreaId: string;
  code: string;
  /** The area's baseline figure for the measure (its other filters kept), or null without one. */
  baseline: { count: number; total: number } | null;
};

export type AreaSampleSize = AreaSampleRow & {
  baselinePercent: number | null;
  /** Cases the area needs (per audit) to detect the change to the target; null without a baseline or a change. */
  needed: number | null;
  /** Even an unlimited new sample cannot reach 80% power against so small a baseline. */
  baselineTooSmall: boolean;
  /** What the form says for the area. */
  note: string;
};

/** A measure's target: a share to reach (at least) or to get under (at most). */
export type SampleTarget = { percent: number; direction: TargetDirection };

function meetsTarget(share: number, target: SampleTarget): boolean {
  const goal = target.percent / 100;
  return target.direction === 'AT_LEAST' ? share >= goal : share <= goal;
}

/**
 * Per area in scope, the sample that detects the change from the area's
 * baseline share to the target (power 80%, 5% two-sided; lib/domain/sample-size.ts).
 * An area already at its target has no change to detect.
 */
export function areaSampleSizes(rows: AreaSampleRow[], target: SampleTarget | null): AreaSampleSize[] {
  return rows.map((row) => {
    const none = { ...row, baselinePercent: null, needed: null, baselineTooSmall: false };
    if (target === null) return { ...none, note: 'The measure has no target.' };
    if (!row.baseline || row.baseline.total === 0)
      return { ...none, note: 'No baseline figure for this area.' };
    const share = row.baseline.count / row.baseline.total;
    const baselinePercent = Math.round(share * 100);
    const symbol = target.direction === 'AT_LEAST' ? '≥' : '≤';
    if (meetsTarget(share, target))
      return {
        ...none,
        baselinePercent,
        note: `Already meets the target (${symbol} ${target.percent}%): no change to detect.`,
      };
    const needed = casesPerGroup(share, target.percent / 100);
    const verdict = sampleVerdict({
      baselineShare: share,
      targetShare: target.percent / 100,
      plannedCases: needed ?? 0,
      baselineCases: row.baseline.total,
    });
    return {
      ...row,
      baselinePercent,
      needed,
      baselineTooSmall: verdict.baselineTooSmall,
      note: verdict.baselineTooSmall
        ? `Needs ${needed} cases; its baseline had only ${row.baseline.total}, so no sample alone can tell the change with 80% power.`
        : `Needs ${needed} cases to tell ${baselinePercent}% from ${target.percent}%.`,
    };
  });
}

export type DrawnSampleCheck = AreaSampleSize & {
  drawn: number;
  verdict: SampleVerdict | null;
  tooSmall: boolean;
  message: string;
};

/** On a commissioned audit: each area's drawn (or planned) sample against what the change needs. */
export function checkDrawnSample(
  sizes: AreaSampleSize[],
  drawn: Record<string, number>,
  target: SampleTarget | null,
): DrawnSampleCheck[] {
  return sizes.map((size) => {
    const cases = drawn[size.serviceAreaId] ?? 0;
    if (target === null || !size.baseline || size.baseline.total === 0 || size.needed === null)
      return { ...size, drawn: cases, verdict: null, tooSmall: false, message: size.note };
    const verdict = sampleVerdict({
      baselineShare: size.baseline.count / size.baseline.total,
      targetShare: target.percent / 100,
      plannedCases: cases,
      baselineCases: size.baseline.total,
    });
    const power = verdict.power === null ? '' : ` (${Math.round(verdict.power * 100)}% power)`;
    const message =
      cases === 0
        ? `Nothing drawn yet: needs ${size.needed} cases.`
        : verdict.tooSmallToTell
          ? `Too small to tell: ${cases} drawn${power}, ${size.needed} needed${verdict.baselineTooSmall ? `; the baseline had only ${size.baseline.total}` : ''}.`
          : `Enough to tell: ${cases} drawn${power}.`;
    return { ...size, drawn: cases, verdict, tooSmall: cases > 0 && verdict.tooSmallToTell, message };
  });
}
