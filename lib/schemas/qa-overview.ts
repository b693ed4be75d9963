import { z } from 'zod';
import { isCalendarDate } from '@/lib/domain/dates';
import { isUuid } from './fields';

export const QA_OVERVIEW_FORMATS = ['csv', 'xlsx', 'pdf', 'json'] as const;
export type QaOverviewFormat = (typeof QA_OVERVIEW_FORMATS)[number];
export const QA_OVERVIEW_TABLES = ['indicators', 'audits-by-kind', 'by-quarter', 'by-area'] as const;
export type QaOverviewTableId = (typeof QA_OVERVIEW_TABLES)[number];

export type QaOverviewQuery = {
  from: string | null;
  to: string | null;
  /** A national reader's chosen area; null for the nation (or an area reader's own area). */
  areaId: string | null;
  format: QaOverviewFormat | null;
  table: QaOverviewTableId | null;
};

/** One query-string value: a repeated name keeps its first value; empty is none. */
function firstValue(value: unknown): unknown {
  const one = Array.isArray(value) ? (value as unknown[])[0] : value;
  return one === '' ? undefined : one;
}
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional().catch(undefined));
const day = z.string().max(10).refine(isCalendarDate);

/**
 * The QA overview's query string, read the same way by the page and its
 * export route. A malformed area is refused (both answer not found); a date
 * that is not a real day falls back to the default period; an unknown format
 * or table falls back to none, and the route refuses it.
 */
export const QaOverviewQuerySchema = z
  .object({
    from: lenient(day),
    to: lenient(day),
    area: z.preprocess(firstValue, z.string().refine(isUuid).optional()),
    format: lenient(z.enum(QA_OVERVIEW_FORMATS)),
    table: lenient(z.enum(QA_OVERVIEW_TABLES)),
  })
  .transform(({ from, to, area, format, table }): QaOverviewQuery => ({
    from: from ?? null,
    to: to ?? null,
    areaId: area ?? null,
    format: format ?? null,
    table: table ?? null,
  }));

/** The page's address (or its export's) for a period and area. */
export function qaOverviewHref(
  query: { from: string; to: string; areaId: string | null },
  download?: { format: QaOverviewFormat; table?: QaOverviewTableId },
): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.areaId) params.set('area', query.areaId);
  if (download) {
    params.set('format', download.format);
    if (download.table) params.set('table', download.table);
    return `/local/qa-overview/export?${params.toString()}`;
  }
  return `/local/qa-overview?${params.toString()}`;
}
