import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { decode } from 'next-auth/jwt';
import { env } from '@/lib/env';
import { resolveSession } from '@/lib/db/sessions';
import type { Actor } from '@/lib/domain/actor';

const COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

// Lets scripts and integration tests act through a real session token when
// there is no HTTP request (and so no cookies()). In-process only: nothing
// from a request can set it.
const sessionTokenOverride = new AsyncLocalStorage<string>();

export function runWithSessionToken<T>(sessionToken: string, fn: () => Promise<T>): Promise<T> {
  return sessionTokenOverride.run(sessionToken, fn);
}

async function readSessionToken(): Promise<string | null> {
  const override = sessionTokenOverride.getStore();
  if (override !== undefined) return override;
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const value = jar.get(name)?.value;
    if (value) return value;
  }
  return null;
}

/** The signed-in actor, re-checked against the database, or null. */
export async function getActor(now = new Date()): Promise<Actor | null> {
  const raw = await readSessionToken();
  if (!raw) return null;
  const config = env();
  let sid: unknown;
  try {
    const token = await decode({ token: raw, secret: config.NEXTAUTH_SECRET });
    sid = token?.sid;
  } catch {
    return null; // tampered or from another secret
  }
  if (typeof sid !== 'string') return null;
  return resolveSession(sid, now, {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
  });
}

/** For pages: the actor, or a redirect to sign in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in?reason=signed-out');
  return actor;
}
