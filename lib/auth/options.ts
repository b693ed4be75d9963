import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import AzureADProvider from 'next-auth/providers/azure-ad';
import { env } from '@/lib/env';
import { getEntraUserId, revokeSession, startSession } from '@/lib/db/sessions';
import { entraIdentity } from '@/lib/domain/entra-id';
import { clientAddress } from '@/lib/domain/session-rules';
import { signInWithPassword } from './sign-in';
import { logSignedIn, logSignedOut, logSignInFailed } from './access-events';
import { ipFromHeaders } from '@/lib/http/access';

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
              async authorize(credentials, req) {
                try {
                  const { userId, sessionId } = await signInWithPassword(credentials, {
                    address: clientAddress(req?.headers?.['x-forwarded-for'] as string | undefined),
                  });
                  return { id: userId, sessionId };
                } catch (error) {
                  await logSignInFailed(
                    credentials?.email,
                    error,
                    'credentials',
                    ipFromHeaders(req?.headers),
                  );
                  throw error;
                }
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
      // Matched on Entra's immutable object id once linked, never on the email claim.
      async signIn({ user, account, profile }) {
        if (account?.provider === 'credentials') return true;
        const email = user.email ?? '';
        const identity = entraIdentity(profile);
        const admitted = identity !== null && (await getEntraUserId(identity)) !== null;
        if (!admitted)
          await logSignInFailed(email, { code: 'NotAdmitted' }, account?.provider ?? 'sso', null);
        return admitted;
      },
      async jwt({ token, user, account, profile }) {
        if (user && account) {
          if (account.provider === 'credentials') {
            token.sid = (user as { sessionId?: string }).sessionId;
          } else {
            const identity = entraIdentity(profile);
            const userId = identity ? await getEntraUserId(identity) : null;
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
      async signIn({ user, account }) {
        const provider = account?.provider ?? 'unknown';
        await logSignedIn(provider === 'credentials' ? { userId: user.id } : { email: user.email }, provider);
      },
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeSession(token.sid, new Date());
        await logSignedOut(token?.sid);
      },
    },
  };
}
