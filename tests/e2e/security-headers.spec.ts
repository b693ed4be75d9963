import type { APIResponse } from '@playwright/test';
import { expect, signIn, test } from './helpers';

const nonceOf = (policy: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] ?? null;

function policyOf(response: APIResponse): string {
  const policy = response.headers()['content-security-policy'];
  expect(policy, `no Content-Security-Policy on ${response.url()}`).toBeTruthy();
  return policy ?? '';
}

test('every page carries a strict CSP whose nonce is new on each request and stamped on all of Next’s scripts', async ({
  request,
}) => {
  const first = await request.get('/sign-in');
  const second = await request.get('/sign-in');
  const [policy, again] = [policyOf(first), policyOf(second)];
  const nonce = nonceOf(policy);
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(nonceOf(again)).not.toBe(nonce);

  for (const directive of [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ])
    expect(policy.split('; ')).toContain(directive);
  // A production build: React and Next need no eval, so none is allowed.
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  // next.config.js's headers still arrive alongside.
  expect(first.headers()['x-content-type-options']).toBe('nosniff');
  expect(first.headers()['x-frame-options']).toBe('DENY');
});

test('route handlers and downloads carry the CSP too', async ({ request }) => {
  for (const path of ['/api/health', '/dashboard/export?table=x', '/api/auth/csrf']) {
    const response = await request.get(path);
    expect(policyOf(response)).toContain("frame-ancestors 'none'");
  }
});

test('HSTS is sent when the load balancer says the request came over https, and not over plain http', async ({
  request,
}) => {
  const overHttps = await request.get('/sign-in', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(overHttps.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
  expect(policyOf(overHttps)).toContain('upgrade-insecure-requests');
  const overHttp = await request.get('/sign-in');
  expect(overHttp.headers()['strict-transport-security']).toBeUndefined();
});

test('the CSP check every spec runs catches a blocked load, and signed-in pages raise none', async ({
  page,
  cspViolations,
}) => {
  await signIn(page, 'director@example.org');
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(cspViolations).toEqual([]);

  // An image from elsewhere is what an injected tracker would load.
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = 'https://tracker.invalid/pixel.png';
    document.body.append(image);
  });
  await expect
    .poll(() => cspViolations.join('\n'))
    .toContain('img-src blocked https://tracker.invalid/pixel.png');
  // Caught as it should be; cleared so this test's own check passes.
  cspViolations.length = 0;
});
