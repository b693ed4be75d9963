import { z } from 'zod';
import { ImportCaseIndexSchema } from './case-files';
import { id, isUuid, text } from './fields';

const narrative = text(20_000, { required: false, multiline: true });

export const SaveNarrativeSchema = z.strictObject({
  auditId: id('audit'),
  baseVersion: z.number({ error: 'Reload the page and try again' }).int().min(0).max(2_147_483_647),
  strengths: narrative,
  learning: narrative,
  conclusion: narrative,
  nextSteps: narrative,
});

export const ImportResultsSchema = ImportCaseIndexSchema.extend({
  auditName: text(120),
  createPractitioners: z.boolean(),
});

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One query-string value: a repeated name keeps its first value; empty (the "All areas" choice) is none. */
function firstValue(value: unknown): unknown {
  const one = Array.isArray(value) ? (value as unknown[])[0] : value;
  return one === '' ? undefined : one;
}
/** A value that must be well formed when given: otherwise the query is refused. */
const strict = <T extends z.ZodType>(schema: T) => z.preprocess(firstValue, schema.optional());
/** A value that falls back to none when odd, as the page always treated it. */
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional().catch(undefined));
// Section and table keys, shaped as the rubric schema allows keys.
const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

export type ReportQuery = {
  /** A national reader's chosen area; null for national figures (or a Head of Service's own area). */
  areaId: string | null;
  /** The two sections side by side, when both are named. */
  crossTab?: { rowSection: string; columnSection: string };
  format: ReportFormat | null;
  table: string | null;
};

/**
 * The report's query string, read the same way by the page and its export
 * route. A malformed area is refused (both answer not found); an unknown
 * section, format or table falls back to none, and the route then refuses a
 * download with no format or no such table.
 */
export const ReportQuerySchema = z
  .object({
    area: strict(z.string().refine(isUuid)),
    rows: lenient(key),
    columns: lenient(key),
    format: lenient(z.enum(REPORT_FORMATS)),
    table: lenient(key),
  })
  .transform(({ area, rows, columns, format, table }): ReportQuery => ({
    areaId: area ?? null,
    crossTab: rows && columns ? { rowSection: rows, columnSection: columns } : undefined,
    format: format ?? null,
    table: table ?? null,
  }));

/** A request's query string as the schema reads it. */
export function queryOf(params: URLSearchParams): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const name of new Set(params.keys())) record[name] = params.getAll(name);
  return record;
}

/** A link to the report's export for the same area and sections as the page. */
export function reportExportHref(
  auditId: string,
  query: Pick<ReportQuery, 'areaId' | 'crossTab'> & { format: ReportFormat; table?: string },
): string {
  const params = new URLSearchParams({ format: query.format });
  if (query.table) params.set('table', query.table);
  if (query.areaId) params.set('area', query.areaId);
  if (query.crossTab) {
    params.set('rows', query.crossTab.rowSection);
    params.set('columns', query.crossTab.columnSection);
  }
  return `/reports/${auditId}/export?${params.toString()}`;
}
