import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isHttpsRequest,
  newNonce,
  STRICT_TRANSPORT_SECURITY,
} from '@/lib/http/security-headers';

const directives = (policy: string) =>
  new Map(
    policy.split('; ').map((directive) => {
      const [name = '', ...values] = directive.split(' ');
      return [name, values] as const;
    }),
  );

describe('contentSecurityPolicy', () => {
  const production = directives(
    contentSecurityPolicy({ nonce: 'abc123', isDevelopment: false, isHttps: true }),
  );

  it('allows only nonce-stamped scripts, and no eval, in production', () => {
    expect(production.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(production.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows eval only in development, where React needs it', () => {
    const development = directives(
      contentSecurityPolicy({ nonce: 'n', isDevelopment: true, isHttps: false }),
    );
    expect(development.get('script-src')).toContain("'unsafe-eval'");
    expect(production.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it.each([
    ['default-src', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
  ])('sets %s to %j', (name, expected) => {
    expect(production.get(name)).toEqual(expected);
  });

  it('upgrades insecure requests only over https', () => {
    expect(production.has('upgrade-insecure-requests')).toBe(true);
    const http = directives(contentSecurityPolicy({ nonce: 'n', isDevelopment: false, isHttps: false }));
    expect(http.has('upgrade-insecure-requests')).toBe(false);
  });
});

describe('newNonce', () => {
  it('is 128 random bits, base64, and different every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('isHttpsRequest (when to send HSTS)', () => {
  it.each([
    ['https directly', { protocol: 'https:', forwardedProto: null, publicUrl: undefined }, true],
    [
      'behind a TLS load balancer',
      { protocol: 'http:', forwardedProto: 'https', publicUrl: undefined },
      true,
    ],
    [
      'the first of several proxies',
      { protocol: 'http:', forwardedProto: 'HTTPS, http', publicUrl: undefined },
      true,
    ],
    [
      'a public https URL',
      { protocol: 'http:', forwardedProto: null, publicUrl: 'https://threshold.example.org' },
      true,
    ],
    ['plain http', { protocol: 'http:', forwardedProto: 'http', publicUrl: 'http://localhost:3100' }, false],
    ['nothing said', { protocol: 'http:', forwardedProto: null, publicUrl: undefined }, false],
  ])('%s → %s', (_name, request, expected) => {
    expect(isHttpsRequest(request)).toBe(expected);
  });

  it('pins for two years, subdomains included', () => {
    expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=63072000; includeSubDomains');
  });
});
