'use client';

import { useEffect, useRef, useState } from 'react';
import { signIn } from 'next-auth/react';
import { PASSWORD_TOO_LONG_MESSAGE } from '@/lib/domain/passwords';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from '@/lib/domain/session-rules';

// A wrong password, an unknown email and a locked account get one answer, so
// the page never tells a guesser which accounts exist or are locked.
const MESSAGES: Record<string, string> = {
  CredentialsSignin: `Email or password not recognised, or the account is locked for ${String(LOCKOUT_MINUTES)} minutes after ${String(MAX_FAILED_SIGN_INS)} failed sign-ins. Check them and try again, or ask an administrator to reset your password.`,
  PasswordTooLong: `${PASSWORD_TOO_LONG_MESSAGE}. If yours is longer, ask an administrator to reset it.`,
  AccountDeactivated: 'This account has been deactivated. Ask an administrator if you need access.',
  AccessDenied: 'Your organisation account is not registered in Threshold. Ask an administrator to add you.',
  Unavailable: 'Threshold could not check your sign-in just now. Try again in a minute.',
};

/** next-auth passes the server's error as a code; "TooManyAttempts:12" carries the minutes to wait. */
function messageFor(error: string | undefined): string {
  const [code = '', minutes] = (error ?? '').split(':');
  if (code === 'TooManyAttempts') {
    const wait = Number(minutes) > 1 ? `${String(Number(minutes))} minutes` : 'a minute';
    return `Too many failed sign-ins from your network. Try again in ${wait}.`;
  }
  return MESSAGES[code] ?? MESSAGES.CredentialsSignin ?? '';
}

const fieldValue = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

export function SignInForm({ offerSso, callbackUrl }: { offerSso: boolean; callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (failures > 0) errorRef.current?.focus();
  }, [failures]);

  async function onSubmit(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    try {
      const result = await signIn('credentials', {
        email: fieldValue(data, 'email'),
        password: fieldValue(data, 'password'),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full navigation so every server component renders as the new user.
        window.location.assign(callbackUrl);
        return;
      }
      setError(messageFor(result?.error ?? undefined));
    } catch {
      setError('Threshold could not be reached. Check your connection and try again.');
    }
    setPending(false);
    setFailures((count) => count + 1);
  }

  return (
    <div className="space-y-6">
      {error && (
        <div ref={errorRef} tabIndex={-1} role="alert" className="error-summary">
          <h2 className="text-base font-semibold">There is a problem</h2>
          <p>{error}</p>
        </div>
      )}
      <form
        className="space-y-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit(event.currentTarget);
        }}
      >
        <div className="field">
          <label htmlFor="email" className="block font-medium">
            Email
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required className="input" />
        </div>
        <div className="field">
          <label htmlFor="password" className="block font-medium">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="input"
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {offerSso && (
        <div className="border-t border-slate-300 pt-4">
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void signIn('azure-ad', { callbackUrl })}
          >
            Sign in with your organisation account
          </button>
        </div>
      )}
    </div>
  );
}
