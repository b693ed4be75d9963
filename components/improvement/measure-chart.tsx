'use client';

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * A measure's share across the audits, with its target as a dashed line.
 * Decoration for sighted readers: the table beside it carries every figure.
 */
export function MeasureChart({
  points,
  target,
}: {
  points: { period: string; percent: number | null }[];
  target: { value: number; label: string } | null;
}) {
  return (
    <div aria-hidden="true" className="w-full" style={{ height: 180 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ left: 0, right: 16, top: 12 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" width={52} />
          <Tooltip
            formatter={(value) => (typeof value === 'number' ? `${value}%` : '–')}
            isAnimationActive={false}
          />
          <Line
            dataKey="percent"
            stroke="#1e3a8a"
            strokeWidth={2}
            isAnimationActive={false}
            connectNulls={false}
          />
          {target && (
            <ReferenceLine
              y={target.value}
              stroke="#15803d"
              strokeDasharray="4 4"
              label={{ value: target.label, position: 'insideTopLeft', fontSize: 11 }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
