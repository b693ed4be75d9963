import 'server-only';
import { readTable } from '@/lib/csv/read-table';
import { summarisePublishedAudit } from '@/lib/db/audit-summaries';
import { commitResults, findResultsAudit, resultsLookup } from '@/lib/db/results';
import { isoDay } from '@/lib/domain/dates';
import { RuleError } from '@/lib/domain/errors';
import type { ResultsImportOutcome } from '@/lib/domain/import-outcomes';
import { MAX_RESULT_ROWS, validateResults } from '@/lib/domain/results-import';

const MAX_PROBLEMS_SHOWN = 500;

function columnValues(header: string[], rows: { cells: string[] }[], column: string): string[] {
  const index = header.findIndex((name) => name.trim().toLowerCase() === column);
  return index < 0 ? [] : rows.map((row) => (row.cells[index] ?? '').trim());
}

/**
 * Read → validate every row → (when committing) write all or nothing.
 * Practitioners the file names but Threshold does not know are created only
 * when the caller confirms it (`createPractitioners`). Shared by the browser
 * import (through lib/use-cases/results/import-results.ts, which authorises)
 * and the CLI.
 */
export async function checkAndImportResults(
  actorId: string,
  input: {
    auditName: string;
    bytes: Uint8Array;
    fileName: string;
    commit: boolean;
    createPractitioners: boolean;
  },
  now = new Date(),
): Promise<ResultsImportOutcome> {
  // The reader refuses a file past the row cap before any reference is looked up.
  const read = await readTable(input.bytes, input.fileName, { maxRows: MAX_RESULT_ROWS });
  if (!read.ok)
    return {
      status: 'problems',
      rowCount: 0,
      problemCount: 1,
      problems: [{ line: 1, column: '-', reason: read.reason }],
    };
  const { header, rows } = read.table;
  const found = await findResultsAudit(input.auditName);
  if (found.kind === 'sampled')
    throw new RuleError(
      `"${input.auditName}" has a sample drawn in Threshold: its grades come from grading, not from an import.`,
      'auditName',
    );
  if (found.kind === 'no-three-level-document')
    throw new RuleError('No published threshold document grades Good / Met / Not Met; publish one first.');
  const { audit } = found;
  const lookup = await resultsLookup(
    audit,
    columnValues(header, rows, 'practitioner_ref'),
    columnValues(header, rows, 'case_ref'),
    columnValues(header, rows, 'auditor'),
    isoDay(now),
  );
  const checked = validateResults(read.table, lookup);
  if (checked.problems.length > 0)
    return {
      status: 'problems',
      rowCount: rows.length,
      problemCount: checked.problems.length,
      problems: checked.problems.slice(0, MAX_PROBLEMS_SHOWN),
    };
  const needsConfirmation = checked.unknownPractitioners.length > 0 && !input.createPractitioners;
  if (!input.commit || needsConfirmation)
    return {
      status: 'checked',
      rowCount: rows.length,
      auditExists: audit.id !== null,
      unknownPractitioners: checked.unknownPractitioners,
    };
  const committed = await commitResults(
    actorId,
    audit,
    checked.kind,
    checked.rows,
    checked.unknownPractitioners,
    input.fileName,
    now,
  );
  await summarisePublishedAudit(committed.auditId);
  return { status: 'imported', rowCount: rows.length, ...committed };
}
