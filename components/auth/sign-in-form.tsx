'use client';

import { useEffect, useRef, useState } from 'react';
import { signIn } from 'next-auth/react';

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'The email or password is not right. Check them and try again.',
  AccountLocked:
    'This account is locked for 15 minutes after 5 failed sign-ins. Try again later, or ask an administrator to reset your password.',
  AccountDeactivated: 'This account has been deactivated. Ask an administrator if you need access.',
  AccessDenied: 'Your organisation account is not registered in Threshold. Ask an administrator to add you.',
};

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
      setError(MESSAGES[result?.error ?? ''] ?? MESSAGES.CredentialsSignin ?? null);
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
