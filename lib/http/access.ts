import 'server-only';
import { headers } from 'next/headers';
import { recordAccess, recordAccessQuietly, type AccessDetails } from '@/lib/db/access-log';
import type { Actor } from '@/lib/domain/actor';

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined | null;

function header(source: HeaderSource, name: string): string | null {
  if (!source) return null;
  if (typeof (source as { get?: unknown }).get === 'function') {
    return (source as { get(name: string): string | null }).get(name);
  }
  const value = (source as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}

/**
 * The client's address as the reverse proxy reported it. Only as trustworthy
 * as the proxy (which must overwrite, not append to, X-Forwarded-For); kept
 * to help an investigation, never used to decide anything.
 */
export function ipFromHeaders(source: HeaderSource): string | null {
  const forwarded = header(source, 'x-forwarded-for')?.split(',')[0]?.trim();
  const ip = forwarded || header(source, 'x-real-ip')?.trim() || null;
  return ip ? ip.slice(0, 100) : null;
}

/** The current request's address, or null outside a request (scripts, tests). */
export async function currentRequestIp(): Promise<string | null> {
  try {
    return ipFromHeaders(await headers());
  } catch {
    return null;
  }
}

/**
 * A route handler refusing a signed-in person (or nobody): logged, then
 * answered exactly like "not found" (or "sign in") so the answer still says
 * nothing about whether the thing exists.
 */
export async function refusedResponse(
  request: Request,
  actor: Actor | null,
  what: string,
  response: Response = new Response('Not found', { status: 404 }),
): Promise<Response> {
  await recordAccessQuietly({
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    action: 'refused',
    target: what,
    details: { reason: actor ? 'not-found-or-forbidden' : 'no-session', path: new URL(request.url).pathname },
    ip: ipFromHeaders(request.headers),
  });
  return response;
}

/**
 * Personal data leaving Threshold as a file. Written before the file is sent,
 * and not quietly: a download that cannot be logged does not happen.
 */
export async function recordDownload(
  request: Request,
  actor: Actor,
  download: { target: string; table: string; format: string; filters?: AccessDetails },
): Promise<void> {
  await recordAccess({
    actorId: actor.userId,
    actorEmail: actor.email,
    action: 'export',
    target: download.target,
    details: { table: download.table, format: download.format, ...download.filters },
    ip: ipFromHeaders(request.headers),
  });
}
