'use client';

import {
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

const COLOURS = ['#1e3a8a', '#15803d', '#b91c1c', '#7c2d12', '#6b21a8'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'];

/**
 * Lines across audits, gaps where a group had no graded cases. Decoration
 * for sighted readers: the table beside it carries every figure.
 */
export function TrendLinesChart({
  audits,
  series,
  targets,
}: {
  audits: string[];
  series: { label: string; values: (number | null)[] }[];
  targets: { label: string; value: number }[];
}) {
  const rows = audits.map((audit, index) => ({
    audit,
    ...Object.fromEntries(series.map((line, s) => [`s${s}`, line.values[index] ?? null])),
  }));
  return (
    <div aria-hidden="true" className="w-full" style={{ height: 280 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ left: 8, right: 24, top: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="audit" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 100]} allowDataOverflow ticks={PERCENT_TICKS} unit="%" />
          <Tooltip
            formatter={(value) => (typeof value === 'number' ? `${value}%` : '–')}
            isAnimationActive={false}
          />
          <Legend />
          {series.map((line, s) => (
            <Line
              key={line.label}
              dataKey={`s${s}`}
              name={line.label}
              stroke={COLOURS[s % COLOURS.length]}
              strokeDasharray={DASHES[s % DASHES.length]}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
          {targets.map((target, t) => (
            <ReferenceLine
              key={target.label}
              y={target.value}
              stroke={COLOURS[t % COLOURS.length]}
              strokeDasharray="2 4"
              label={{ value: target.label, position: 'insideTopLeft', fontSize: 11 }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
