import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import {
  emptyObservationCounts,
  type ObservationCountQuery,
  type ObservationCounts,
} from '@/lib/domain/observation';

// Practice observations counted for a period, in one query with grouping sets
// (the QA overview reads them beside the audits; an index on
// (service_area_id, observed_on) serves both the national and the area scope).

type Row = {
  by: 'all' | 'area' | 'month' | 'quarter' | 'area-month' | 'area-quarter';
  service_area_id: string | null;
  month: string | null;
  quarter: string | null;
  count: bigint;
};

export async function countObservations(query: ObservationCountQuery): Promise<ObservationCounts> {
  const area =
    query.serviceAreaId === null ? Prisma.empty : Prisma.sql`AND o.service_area_id = ${query.serviceAreaId}`;
  const rows = await db().$queryRaw<Row[]>`
    SELECT CASE
             WHEN GROUPING(o.service_area_id) = 0 AND GROUPING(month) = 0 THEN 'area-month'
             WHEN GROUPING(o.service_area_id) = 0 AND GROUPING(quarter) = 0 THEN 'area-quarter'
             WHEN GROUPING(o.service_area_id) = 0 THEN 'area'
             WHEN GROUPING(month) = 0 THEN 'month'
             WHEN GROUPING(quarter) = 0 THEN 'quarter'
             ELSE 'all'
           END AS by,
           o.service_area_id, month, quarter, count(*) AS count
    FROM practice_observation o
    CROSS JOIN LATERAL (
      SELECT to_char(o.observed_on, 'YYYY-MM') AS month,
             to_char(date_trunc('quarter', o.observed_on), 'YYYY-MM') AS quarter
    ) period
    WHERE o.observed_on BETWEEN ${query.from}::date AND ${query.to}::date ${area}
    GROUP BY GROUPING SETS ((), (o.service_area_id), (month), (quarter),
                            (o.service_area_id, month), (o.service_area_id, quarter))`;
  const counts = emptyObservationCounts();
  for (const row of rows) {
    const count = Number(row.count);
    const areaId = row.service_area_id ?? '';
    if (row.by === 'all') counts.total = count;
    else if (row.by === 'area') counts.byArea[areaId] = count;
    else if (row.by === 'month') counts.byMonth[row.month ?? ''] = count;
    else if (row.by === 'quarter') counts.byQuarter[row.quarter ?? ''] = count;
    else if (row.by === 'area-month') (counts.byAreaMonth[areaId] ??= {})[row.month ?? ''] = count;
    else (counts.byAreaQuarter[areaId] ??= {})[row.quarter ?? ''] = count;
  }
  return counts;
}
