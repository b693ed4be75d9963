// The `recommendations` command's output: every recommendation with its
// measures (series, change, Newcombe interval, target met) as JSON, or as
// text a person reads in a terminal.
import { AUDIT_STATUS_LABELS } from '@/lib/domain/audits';
import type { RecommendationEvidence } from '@/lib/domain/measure-views';
import type { MeasureView } from '@/lib/domain/measures';

/** Interval ends to one decimal place of a percentage point: enough to check by hand, no false precision. */
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function measureJson(measure: MeasureView) {
  return {
    label: measure.label,
    filters: measure.filtersText,
    grade: measure.sectionTitle ?? 'Overall grade',
    counted: measure.shareLabel,
    baseline: measure.baseline?.auditName ?? null,
    series: measure.series.map((point) => ({
      audit: point.auditName,
      period: point.period,
      cases: point.total,
      counted: point.count,
      percent: point.percent,
      isBaseline: point.isBaseline,
    })),
    change: measure.change
      ? {
          from: measure.change.from.auditName,
          to: measure.change.to.auditName,
          points: measure.change.points,
          interval95: measure.change.interval
            ? { low: oneDecimal(measure.change.interval.low), high: oneDecimal(measure.change.interval.high) }
            : null,
          beyondChance: measure.change.beyondChance,
        }
      : null,
    target: measure.target
      ? {
          direction: measure.target.direction === 'AT_LEAST' ? 'at least' : 'at most',
          percent: measure.target.percent,
          met: measure.target.met,
        }
      : null,
    sentence: measure.sentence,
  };
}

export function recommendationsJson(recommendations: RecommendationEvidence[]) {
  return {
    recommendations: recommendations.map((recommendation) => ({
      source: recommendation.source.title,
      number: recommendation.number,
      text: recommendation.text,
      kind: recommendation.kind === 'RECOMMENDATION' ? 'recommendation' : 'practice improvement point',
      status: recommendation.status === 'OPEN' ? 'open' : 'closed',
      dueOn: recommendation.dueOn,
      measures: recommendation.measures.map(measureJson),
      linkedAudits: recommendation.linkedAudits.map((audit) => ({
        audit: audit.name,
        status: AUDIT_STATUS_LABELS[audit.status],
        commissioned: audit.commissioned,
        measure: audit.measureLabel,
      })),
    })),
  };
}

export function recommendationsText(recommendations: RecommendationEvidence[]): string {
  const lines: string[] = [];
  let source = '';
  for (const recommendation of recommendations) {
    if (recommendation.source.title !== source) {
      source = recommendation.source.title;
      if (lines.length > 0) lines.push('');
      lines.push(source, '='.repeat(Math.min(source.length, 80)));
    }
    lines.push(
      '',
      `Rec ${recommendation.number} (${recommendation.status === 'OPEN' ? 'open' : 'closed'}): ${recommendation.text}`,
    );
    if (recommendation.measures.length === 0) lines.push('  No measures.');
    for (const measure of recommendation.measures) {
      lines.push(`  Measure: ${measure.label} (${measure.filtersText})`);
      for (const point of measure.series)
        lines.push(
          `    ${point.auditName}: ${point.percentText} ${measure.shareLabel} (${point.count} of ${point.total})${point.isBaseline ? ' [baseline]' : ''}`,
        );
      lines.push(`    ${measure.sentence}`);
    }
    for (const audit of recommendation.linkedAudits)
      lines.push(
        `  Linked audit: ${audit.name} (${AUDIT_STATUS_LABELS[audit.status]}${audit.commissioned ? `, commissioned to test ${audit.measureLabel ?? 'it'}` : ''})`,
      );
  }
  return `${lines.join('\n')}\n`;
}
