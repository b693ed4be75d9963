// `npm run report -- --audit "<audit name>" --format json`: the audit's
// national report on stdout and nothing else. Uses DATABASE_URL, or the
// embedded demo database.
import { parseArgs } from 'node:util';
import { withAppDatabase } from './lib/app-database.ts';

const { values } = parseArgs({
  options: { audit: { type: 'string' }, format: { type: 'string', default: 'json' } },
});
const auditName = values.audit;
if (!auditName || values.format !== 'json') {
  console.error('usage: npm run report -- --audit "<audit name>" --format json');
  process.exit(2);
}
const exitCode = await withAppDatabase(async () => {
  const { getNationalReportByName } = await import('../lib/use-cases/reports/get-national-report-by-name.ts');
  const { reportJson } = await import('../lib/report/json.ts');
  const report = await getNationalReportByName(auditName);
  if (!report) {
    console.error(`No audit is called "${auditName}".`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(reportJson(report), null, 2)}\n`);
  return 0;
});
process.exit(exitCode);
