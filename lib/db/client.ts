import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from '@/lib/env';

// One client per process (Next dev reloads modules: keep it on globalThis).
const globalForPrisma = globalThis as unknown as { thresholdPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString: env().DATABASE_URL, max: 10 },
    {
      // An unhandled pool error (e.g. the database restarting) would kill the
      // Node process; log it and let the pool reconnect on the next query.
      onPoolError: (error) => console.error('[db] pool error', error.message),
      onConnectionError: (error) => console.error('[db] connection error', error.message),
    },
  );
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForPrisma.thresholdPrisma ??= createClient();
  return globalForPrisma.thresholdPrisma;
}

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
