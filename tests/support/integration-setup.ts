import pg from 'pg';
import { inject } from 'vitest';

// Before any test module imports lib/env. Vitest numbers the workers running at one time
// 1..maxWorkers (VITEST_POOL_ID), so two files running at once never share a database.
const urls = inject('databaseUrls');
const worker = Number(process.env.VITEST_POOL_ID ?? '1');
const url = urls[worker - 1];
if (!url) throw new Error(`no test database for worker ${worker} (of ${urls.length})`);

// Not even if vitest ever hands out a worker number twice (it can, with sequence.groupOrder):
// each file holds a lock on its database until its worker process ends, and waits for it
// (the previous file's process may still be stopping).
const lock = new pg.Client({ connectionString: url });
await lock.connect();
await lock.query("SET lock_timeout = '10min'");
await lock.query('SELECT pg_advisory_lock(20260101)');
// The lock's connection must not keep the worker process alive.
(lock as unknown as { connection: { stream: { unref(): void } } }).connection.stream.unref();

process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= 'integration-tests-secret-0123456789abcdef';
