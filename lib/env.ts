// The only reader of process.env in the app. Validated lazily so that
// `next build` works without a database or secrets in its environment.
import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL must name the PostgreSQL database'),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters'),
  NEXTAUTH_URL: z.string().url().optional(),
  // Single sign-on with Microsoft Entra ID: set all three to offer it.
  AUTH_ENTRA_ID_CLIENT_ID: z.string().min(1).optional(),
  AUTH_ENTRA_ID_CLIENT_SECRET: z.string().min(1).optional(),
  AUTH_ENTRA_ID_TENANT_ID: z.string().min(1).optional(),
  // Comma-separated provider ids to offer; default: credentials (+ entra-id when configured).
  AUTH_PROVIDERS: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(10),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Threshold <threshold@localhost>'),
  APP_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Days the access log keeps a row before `npm run access-log:purge` may remove it.
  ACCESS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(730),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | null = null;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
