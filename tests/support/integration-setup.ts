import { inject } from 'vitest';

// Before any test module imports lib/env.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET ??= 'integration-tests-secret-0123456789abcdef';
