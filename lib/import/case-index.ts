import 'server-only';
import { readTable } from '@/lib/csv/read-table';
import { caseIndexLookup, commitCaseIndex } from '@/lib/db/case-files';
import type { CaseIndexImportOutcome } from '@/lib/domain/import-outcomes';
import { MAX_CASE_INDEX_ROWS, validateCaseIndex } from '@/lib/domain/case-file-import';

const MAX_PROBLEMS_SHOWN = 500;

/**
 * Read → validate every row → (when committing) write all or nothing.
 * Shared by the browser import and the CLI; callers authorise first.
 */
export async function checkAndImportCaseIndex(
  actorId: string | null,
  bytes: Uint8Array,
  fileName: string,
  commit: boolean,
  today = new Date().toISOString().slice(0, 10),
): Promise<CaseIndexImportOutcome> {
  // The reader refuses a file past the row cap before any reference is looked up.
  const table = await readTable(bytes, fileName, { maxRows: MAX_CASE_INDEX_ROWS });
  if (!table.ok)
    return {
      status: 'problems',
      rowCount: 0,
      problemCount: 1,
      problems: [{ line: 1, column: '-', reason: table.reason }],
    };
  const referenceColumn = table.table.header.findIndex(
    (name) => name.trim().toLowerCase() === 'case_reference',
  );
  const references =
    referenceColumn < 0 ? [] : table.table.rows.map((row) => (row.cells[referenceColumn] ?? '').trim());
  const { caseFiles, documents, problems } = validateCaseIndex(
    table.table.header,
    table.table.rows,
    await caseIndexLookup(references, today),
  );
  const rowCount = table.table.rows.length;
  if (problems.length > 0)
    return {
      status: 'problems',
      rowCount,
      problemCount: problems.length,
      problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
    };
  if (!commit) return { status: 'checked', rowCount, caseCount: caseFiles.length };
  return { status: 'imported', rowCount, ...(await commitCaseIndex(actorId, caseFiles, documents)) };
}
