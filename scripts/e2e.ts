// `npm run test:e2e:fresh -- [playwright args]`: the e2e part of test:all
// alone (freshly seeded databases, production build, Playwright), for working on
// one journey: e.g. `npm run test:e2e:fresh -- tests/e2e/reports.spec.ts`.
// Add `--no-build` first to reuse the last build. E2E_WORKERS=n sets how many
// workers (each with its own database and servers) run the spec files.
import { openDatabase } from './lib/database.ts';
import { countSpecFiles, e2eEnv, e2eWorkers, prepareE2eDatabases } from './lib/e2e-databases.ts';
import { bin, run, runOrThrow, scriptEnv } from './lib/run.ts';

const args = process.argv.slice(2);
const skipBuild = args[0] === '--no-build';
const playwrightArgs = skipBuild ? args.slice(1) : args;
const database = await openDatabase('test');
let code: number;
try {
  const urls = await prepareE2eDatabases(
    await database.url('postgres'),
    e2eWorkers(countSpecFiles(playwrightArgs)),
  );
  const env = scriptEnv(e2eEnv(urls));
  if (!skipBuild) runOrThrow(bin('next'), ['build'], { env });
  code = await run(bin('playwright'), ['test', '--reporter=list', ...playwrightArgs], { env });
} finally {
  await database.stop().catch(() => undefined);
}
process.exit(code);
