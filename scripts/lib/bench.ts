// What the benchmarks share: percentiles, a production server, and real
// next-auth sessions signed in through the credentials endpoint.
import { spawn, type ChildProcess } from 'node:child_process';
import { bin } from './run.ts';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** `next start` on the last production build, once /api/health answers. */
export async function startProductionServer(
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<{ base: string; server: ChildProcess }> {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, server };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill('SIGTERM');
  throw new Error('the production server did not start');
}

/** Signs in through next-auth's credentials endpoint; returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  const session = response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in failed for ${email} (${response.status})`);
  return session.split(';')[0] as string;
}
