// `npm run -s recommendations -- --format json|text`: every recommendation with
// its measures (series, change from baseline with its 95% interval, target
// met) on stdout and nothing else, so the figures can be checked outside the
// browser. Uses DATABASE_URL, or the embedded demo database.
import { parseArgs } from 'node:util';
import { withAppDatabase } from './lib/app-database.ts';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'json' } } });
const format = values.format;
if (format !== 'json' && format !== 'text') {
  console.error('usage: npm run -s recommendations -- --format json|text');
  process.exit(2);
}
const exitCode = await withAppDatabase(async () => {
  const { findRecommendationEvidence } =
    await import('../lib/use-cases/improvement/find-recommendation-evidence.ts');
  const { recommendationsJson, recommendationsText } = await import('../lib/report/recommendations.ts');
  const recommendations = await findRecommendationEvidence();
  process.stdout.write(
    format === 'json'
      ? `${JSON.stringify(recommendationsJson(recommendations), null, 2)}\n`
      : recommendationsText(recommendations),
  );
  return 0;
});
process.exit(exitCode);
