// The response headers every page, route handler and export carries, built
// once per request by proxy.ts. Pure: no Next.js imports, so unit tests read
// the policy exactly as the browser will.

/** Two years, the preload list's minimum; subdomains too (ASVS 3.4.1). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/**
 * A fresh, unguessable value per request (128 bits). Next.js reads it from the
 * request's Content-Security-Policy header and stamps it on its own scripts.
 */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(options: {
  nonce: string;
  isDevelopment: boolean;
  isHttps: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the nonce-stamped bootstrap may load Next's chunks; no
    // other script runs, inline or injected. React's development build rebuilds
    // server error stacks with eval, so 'unsafe-eval' is for `npm run dev` only.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ''}`,
    // React writes style attributes (recharts' chart geometry, Next's route
    // announcer); CSP cannot allow attributes by nonce, and a nonce in this list
    // would switch 'unsafe-inline' off. Styles cannot run code, and every value
    // React writes is escaped, so this is the accepted trade.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/**
 * Over https, by the load balancer's X-Forwarded-Proto or the configured public
 * URL. HSTS sent over plain http is ignored by browsers, so a forged header
 * gains nothing; it is only left out so local http runs are not pinned.
 */
export function isHttpsRequest(request: {
  protocol: string;
  forwardedProto: string | null;
  publicUrl: string | undefined;
}): boolean {
  const forwarded = request.forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return (
    request.protocol === 'https:' ||
    forwarded === 'https' ||
    (request.publicUrl?.startsWith('https://') ?? false)
  );
}
