// `npm run import:cases -- --file index.csv [--check]`: the browser import's
// checks and all-or-nothing commit, from the command line. Uses DATABASE_URL,
// or the embedded demo database.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/migrate.ts';

const { values } = parseArgs({
  options: { file: { type: 'string' }, check: { type: 'boolean', default: false } },
});
if (!values.file) {
  console.error('usage: npm run import:cases -- --file <index.csv|index.xlsx> [--check]');
  process.exit(2);
}
const database = await openDatabase('demo');
let exitCode = 0;
try {
  const url = await database.url();
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= 'command-line-import-has-no-sessions-000';
  const { checkAndImportCaseIndex } = await import('../lib/import/case-index.ts');
  const started = Date.now();
  const outcome = await checkAndImportCaseIndex(
    null,
    readFileSync(values.file),
    path.basename(values.file),
    !values.check,
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome.status === 'problems') {
    console.error(`Nothing was imported: ${outcome.problemCount} problem(s) in ${outcome.rowCount} rows.`);
    for (const problem of outcome.problems)
      console.error(`line ${problem.line}, ${problem.column}: ${problem.reason}`);
    exitCode = 1;
  } else if (outcome.status === 'checked') {
    console.log(
      `All ${outcome.rowCount} rows are valid (${outcome.caseCount} cases); nothing written (--check). ${seconds} s`,
    );
  } else {
    console.log(
      `Imported ${outcome.rowCount} rows: ${outcome.casesAdded} new cases, ${outcome.documentsAdded} new documents, ${outcome.documentsAlreadyPresent} already present. ${seconds} s`,
    );
  }
} finally {
  // Close the app's pool before the database goes, or it logs the shutdown as errors.
  const { db } = await import('../lib/db/client.ts').catch(() => ({ db: null }));
  await db?.().$disconnect();
  await database.stop();
}
process.exit(exitCode);
