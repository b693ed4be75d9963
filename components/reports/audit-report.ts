import type { reportTables } from '@/lib/report/tables';

/**
 * The report as the page's components receive it, named through the printers
 * that already take it, so that components import nothing from lib/db. When
 * the view type moves to lib/domain (issue 15), this becomes a re-export.
 */
export type AuditReport = Parameters<typeof reportTables>[0];
