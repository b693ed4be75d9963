// `npm run import:results -- --audit "<audit name>" --file <results.csv> [--check] [--as <email>]`:
// the browser's results import from the command line. Creates the audit
// (published, on the national Good / Met / Not Met document) when no audit
// has that name, and the practitioners the file names that Threshold does not
// know. Uses DATABASE_URL, or the embedded demo database.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withAppDatabase } from './lib/app-database.ts';
import { readImportFile } from './lib/import-file.ts';

const { values } = parseArgs({
  options: {
    audit: { type: 'string' },
    file: { type: 'string' },
    check: { type: 'boolean', default: false },
    as: { type: 'string' },
  },
});
const { audit: auditName, file } = values;
if (!auditName || !file) {
  console.error(
    'usage: npm run import:results -- --audit "<audit name>" --file <results.csv> [--check] [--as <email>]',
  );
  process.exit(2);
}
const read = readImportFile(file);
if (!read.ok) {
  console.error(`Nothing was imported: ${read.reason}`);
  process.exit(1);
}
const exitCode = await withAppDatabase(async () => {
  const { checkAndImportResults } = await import('../lib/import/results.ts');
  const { commandLineImporter } = await import('../lib/db/results.ts');
  const importer = await commandLineImporter(values.as);
  if (!importer) {
    console.error(
      values.as
        ? `No active user has the email ${values.as}.`
        : 'No active Senior Service Manager or Admin to record the import against; pass --as <email>.',
    );
    return 1;
  }
  const started = Date.now();
  const outcome = await checkAndImportResults(importer, {
    auditName: auditName,
    bytes: read.bytes,
    fileName: path.basename(file),
    commit: !values.check,
    createPractitioners: true,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome.status === 'problems') {
    console.error(`Nothing was imported: ${outcome.problemCount} problem(s) in ${outcome.rowCount} rows.`);
    for (const problem of outcome.problems)
      console.error(`line ${problem.line}, ${problem.column}: ${problem.reason}`);
    return 1;
  } else if (outcome.status === 'checked') {
    console.log(
      `All ${outcome.rowCount} rows are valid; ${outcome.unknownPractitioners.length} practitioner(s) would be created; nothing written (--check). ${seconds} s`,
    );
  } else {
    console.log(
      `Imported ${outcome.cases} graded cases into "${auditName}"${outcome.auditCreated ? ' (new audit, published)' : ''}: ${outcome.practitionersCreated} practitioner(s) created. ${seconds} s`,
    );
  }
  return 0;
});
process.exit(exitCode);
