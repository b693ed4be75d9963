import { runPrisma } from './lib/prisma-cli.ts';

runPrisma(['generate']);
