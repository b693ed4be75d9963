// `npm run qa-overview -- --from 2023-04-01 --to 2023-11-30 --format json`:
// the national QA overview (seed 003's figures) for the period on stdout and
// nothing else. Uses DATABASE_URL, or the embedded demo database.
import { parseArgs } from 'node:util';
import { withAppDatabase } from './lib/app-database.ts';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string', default: 'json' },
  },
});
if (values.format !== 'json') {
  console.error('usage: npm run qa-overview -- [--from yyyy-mm-dd] [--to yyyy-mm-dd] --format json');
  process.exit(2);
}
const exitCode = await withAppDatabase(async () => {
  const { getNationalQaOverview } = await import('../lib/use-cases/qa-overview/get-national-qa-overview.ts');
  const { qaOverviewJson } = await import('../lib/domain/qa-overview.ts');
  const overview = await getNationalQaOverview(
    { from: values.from ?? null, to: values.to ?? null },
    new Date().toISOString().slice(0, 10),
  );
  if (!overview) {
    console.error('--from and --to must be real dates (yyyy-mm-dd), --from not after --to.');
    return 2;
  }
  process.stdout.write(`${JSON.stringify(qaOverviewJson(overview), null, 2)}\n`);
  return 0;
});
process.exit(exitCode);
