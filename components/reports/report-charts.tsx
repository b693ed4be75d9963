'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const PERCENT_TICKS = [0, 20, 40, 60, 80, 100];

export type ChartSeries = { key: string; label: string };
export type ChartRow = { label: string } & Record<string, number | string | null>;

// Dark enough for 3:1 against white (WCAG 1.4.11), and told apart by order
// and legend as well as hue.
const COLOURS = ['#14532d', '#15803d', '#b45309', '#b91c1c', '#1e3a8a'];
const GRADE_COLOURS: Record<number, string[]> = {
  3: ['#15803d', '#b45309', '#b91c1c'],
  4: ['#14532d', '#15803d', '#b45309', '#b91c1c'],
};

const percent = (value: unknown) => (typeof value === 'number' ? `${value}%` : '–');

/**
 * Stacked percentages per row (Fig. 1–3). The chart is decoration for
 * sighted readers: the table beside it carries the same figures, so the
 * chart itself is hidden from assistive technology.
 */
export function GradeShareChart({
  rows,
  series,
  height = 280,
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  height?: number;
}) {
  const colours = GRADE_COLOURS[series.length] ?? COLOURS;
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ left: 24, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          {/* Exact shares can sum to a hair over 100: keep the axis at 0–100%, not "100.1%". */}
          <XAxis type="number" domain={[0, 100]} allowDataOverflow ticks={PERCENT_TICKS} unit="%" />
          <YAxis type="category" dataKey="label" width={110} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={percent} isAnimationActive={false} />
          <Legend />
          {series.map((entry, index) => (
            <Bar
              key={entry.key}
              dataKey={entry.key}
              name={entry.label}
              stackId="grades"
              fill={colours[index % colours.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** % Good or above and % lowest grade across audits, with the target lines. */
export function TrendChart({
  rows,
  goodLabel,
  lowestLabel,
  goodTarget,
  lowestTarget,
}: {
  rows: ChartRow[];
  goodLabel: string;
  lowestLabel: string;
  goodTarget: number | null;
  lowestTarget: number | null;
}) {
  return (
    <div aria-hidden="true" className="w-full" style={{ height: 300 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ left: 8, right: 24, top: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} allowDataOverflow ticks={PERCENT_TICKS} unit="%" />
          <Tooltip formatter={percent} isAnimationActive={false} />
          <Legend />
          <Line
            type="monotone"
            dataKey="good"
            name={`% ${goodLabel}`}
            stroke="#15803d"
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="lowest"
            name={`% ${lowestLabel}`}
            stroke="#b91c1c"
            strokeWidth={2}
            strokeDasharray="6 3"
            connectNulls={false}
            isAnimationActive={false}
          />
          {goodTarget !== null && (
            <ReferenceLine
              y={goodTarget}
              stroke="#15803d"
              strokeDasharray="2 4"
              label={{ value: `Target ${goodTarget}%`, position: 'insideTopLeft', fontSize: 12 }}
            />
          )}
          {lowestTarget !== null && (
            <ReferenceLine
              y={lowestTarget}
              stroke="#b91c1c"
              strokeDasharray="2 4"
              label={{ value: `Target ${lowestTarget}%`, position: 'insideBottomLeft', fontSize: 12 }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
