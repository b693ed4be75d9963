// `npm run import:cases -- --file index.csv [--check]`: the browser import's
// checks and all-or-nothing commit, from the command line. Uses DATABASE_URL,
// or the embedded demo database.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withAppDatabase } from './lib/app-database.ts';
import { readImportFile } from './lib/import-file.ts';

const { values } = parseArgs({
  options: { file: { type: 'string' }, check: { type: 'boolean', default: false } },
});
const file = values.file;
if (!file) {
  console.error('usage: npm run import:cases -- --file <index.csv|index.xlsx> [--check]');
  process.exit(2);
}
const read = readImportFile(file);
if (!read.ok) {
  console.error(`Nothing was imported: ${read.reason}`);
  process.exit(1);
}
const exitCode = await withAppDatabase(async () => {
  const { checkAndImportCaseIndex } = await import('../lib/import/case-index.ts');
  const started = Date.now();
  const outcome = await checkAndImportCaseIndex(null, read.bytes, path.basename(file), !values.check);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome.status === 'problems') {
    console.error(`Nothing was imported: ${outcome.problemCount} problem(s) in ${outcome.rowCount} rows.`);
    for (const problem of outcome.problems)
      console.error(`line ${problem.line}, ${problem.column}: ${problem.reason}`);
    return 1;
  } else if (outcome.status === 'checked') {
    console.log(
      `All ${outcome.rowCount} rows are valid (${outcome.caseCount} cases); nothing written (--check). ${seconds} s`,
    );
  } else {
    console.log(
      `Imported ${outcome.rowCount} rows: ${outcome.casesAdded} new cases, ${outcome.documentsAdded} new documents, ${outcome.documentsAlreadyPresent} already present. ${seconds} s`,
    );
  }
  return 0;
});
process.exit(exitCode);
