import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import {
  contentSecurityPolicy,
  isHttpsRequest,
  newNonce,
  STRICT_TRANSPORT_SECURITY,
} from '@/lib/http/security-headers';

/**
 * Security headers only. Not a security boundary (CVE-2025-29927 and later
 * bypasses): every page, action and route handler authorises for itself.
 * A nonce per request: pages render dynamically (they are per user), and Next
 * stamps its scripts with the nonce it finds in the request's CSP header.
 */
export function proxy(request: NextRequest) {
  const { NODE_ENV, NEXTAUTH_URL } = env();
  const isHttps = isHttpsRequest({
    protocol: request.nextUrl.protocol,
    forwardedProto: request.headers.get('x-forwarded-proto'),
    publicUrl: NEXTAUTH_URL,
  });
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, isDevelopment: NODE_ENV === 'development', isHttps });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  if (isHttps) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages, route handlers and exports (JSON, CSV, XLSX, PDF) alike; Next's
      // hashed static files carry next.config.js's headers.
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      // A prefetch is an RSC payload, not a document: no scripts to stamp.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
