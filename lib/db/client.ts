import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from '@/lib/env';

// One client per process (Next dev reloads modules: keep it on globalThis).
const globalForPrisma = globalThis as unknown as { thresholdPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg(
    // An unreachable database (one that never answers, not one that refuses) must fail a request, not
    // hang it: /api/health then answers 503 and the load balancer routes around this instance.
    { connectionString: env().DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 },
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
