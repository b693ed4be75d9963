import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// next-auth's own endpoints (sign-in, sign-out, CSRF): public by design.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const nextAuth = NextAuth(authOptions()) as (
    request: Request,
    context: { params: Promise<{ nextauth: string[] }> },
  ) => Promise<Response>;
  return nextAuth(request, context);
}

export { handler as GET, handler as POST };
