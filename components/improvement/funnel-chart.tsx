'use client';

import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export type FunnelChartLine = {
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
};
export type FunnelChartPoint = { n: number; percent: number; label: string; isOutlier: boolean };

const PERCENT_TICKS = [0, 20, 40, 60, 80, 100];

/**
 * A funnel plot: each team's share (a dot) against its number of cases, with
 * the 95% (dashed) and 99.8% (solid) limits around the centre line. Decoration
 * for sighted readers: the table beside it carries every figure, so the chart
 * is hidden from assistive technology.
 */
export function FunnelChart({
  lines,
  points,
  centre,
  shareLabel,
}: {
  lines: FunnelChartLine[];
  points: FunnelChartPoint[];
  centre: number;
  shareLabel: string;
}) {
  const maxN = lines.at(-1)?.n ?? 10;
  const within = points.filter((point) => !point.isOutlier);
  const outliers = points.filter((point) => point.isOutlier);
  return (
    <div aria-hidden="true" className="w-full" style={{ height: 320 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={lines}
          margin={{ left: 8, right: 24, top: 16, bottom: 16 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="n"
            domain={[0, maxN]}
            allowDecimals={false}
            label={{ value: 'Graded cases in the team', position: 'insideBottom', offset: -8, fontSize: 12 }}
          />
          <YAxis domain={[0, 100]} ticks={PERCENT_TICKS} unit="%" allowDataOverflow />
          <Tooltip
            isAnimationActive={false}
            formatter={(value) => (typeof value === 'number' ? `${value}%` : '–')}
          />
          <Legend verticalAlign="top" />
          <ReferenceLine y={centre} stroke="#334155" strokeDasharray="1 3" />
          <Line
            dataKey="upper998"
            name="99.8% limits"
            stroke="#1e3a8a"
            dot={false}
            isAnimationActive={false}
          />
          <Line dataKey="lower998" legendType="none" stroke="#1e3a8a" dot={false} isAnimationActive={false} />
          <Line
            dataKey="upper95"
            name="95% limits"
            stroke="#b45309"
            strokeDasharray="6 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="lower95"
            legendType="none"
            stroke="#b45309"
            strokeDasharray="6 3"
            dot={false}
            isAnimationActive={false}
          />
          <Scatter
            data={within}
            dataKey="percent"
            name={`Team: % ${shareLabel}`}
            fill="#334155"
            isAnimationActive={false}
          />
          <Scatter
            data={outliers}
            dataKey="percent"
            name="Outside a limit"
            fill="#b91c1c"
            shape="diamond"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
