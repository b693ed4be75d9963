import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import AzureADProvider from 'next-auth/providers/azure-ad';
import { env } from '@/lib/env';
import { getActiveUserIdByEmail, revokeSession, startSession } from '@/lib/db/sessions';
import { signInWithPassword } from './sign-in';

export type ProviderId = 'credentials' | 'azure-ad';

/** Which sign-in methods are offered: configuration, not code. */
export function enabledProviderIds(): ProviderId[] {
  const config = env();
  const hasEntra = Boolean(
    config.AUTH_ENTRA_ID_CLIENT_ID && config.AUTH_ENTRA_ID_CLIENT_SECRET && config.AUTH_ENTRA_ID_TENANT_ID,
  );
  const requested = config.AUTH_PROVIDERS?.split(',').map((id) => id.trim()) ?? ['credentials', 'azure-ad'];
  return (['credentials', 'azure-ad'] as const).filter(
    (id) => requested.includes(id) && (id !== 'azure-ad' || hasEntra),
  );
}

export function authOptions(): NextAuthOptions {
  const config = env();
  const enabled = enabledProviderIds();
  return {
    secret: config.NEXTAUTH_SECRET,
    // The JWT carries only our session id; limits are enforced against the
    // user_session row on every request (see lib/auth/actor.ts).
    session: { strategy: 'jwt', maxAge: config.SESSION_ABSOLUTE_HOURS * 3600 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      ...(enabled.includes('credentials')
        ? [
            CredentialsProvider({
              name: 'Email and password',
              credentials: {
                email: { label: 'Email', type: 'email' },
                password: { label: 'Password', type: 'password' },
              },
              async authorize(credentials) {
                const { userId, sessionId } = await signInWithPassword(credentials);
                return { id: userId, sessionId };
              },
            }),
          ]
        : []),
      ...(enabled.includes('azure-ad')
        ? [
            AzureADProvider({
              clientId: config.AUTH_ENTRA_ID_CLIENT_ID ?? '',
              clientSecret: config.AUTH_ENTRA_ID_CLIENT_SECRET ?? '',
              tenantId: config.AUTH_ENTRA_ID_TENANT_ID ?? '',
            }),
          ]
        : []),
    ],
    callbacks: {
      // Single sign-on admits only people an administrator has already added.
      async signIn({ user, account }) {
        if (account?.provider === 'credentials') return true;
        const email = user.email ?? '';
        return (await getActiveUserIdByEmail(email)) !== null;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          if (account.provider === 'credentials') {
            token.sid = (user as { sessionId?: string }).sessionId;
          } else {
            const userId = await getActiveUserIdByEmail(user.email ?? '');
            if (userId) token.sid = await startSession(userId, new Date());
          }
        }
        return token;
      },
      session({ session }) {
        // Nothing about the user goes to the browser from here; pages read the
        // actor on the server.
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeSession(token.sid, new Date());
      },
    },
  };
}
