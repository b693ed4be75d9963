import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getActor } from '@/lib/auth/actor';
import { enabledProviderIds } from '@/lib/auth/options';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const REASONS: Record<string, string> = {
  'signed-out': 'You are signed out. Sign in to continue.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await getActor()) redirect('/');
  const params = await searchParams;
  const reason = typeof params.reason === 'string' ? REASONS[params.reason] : undefined;
  const providers = enabledProviderIds();
  return (
    <main id="main" className="mx-auto mt-16 max-w-md px-4">
      <p className="text-sm font-semibold uppercase tracking-wide text-blue-900">Threshold</p>
      <h1 className="mt-1">Sign in</h1>
      <p className="mt-2 text-slate-700">
        Casework quality auditing for the national family-court advisory service.
      </p>
      {reason && (
        <p role="status" className="mt-4 rounded-md border border-blue-300 bg-blue-50 p-3">
          {reason}
        </p>
      )}
      <div className="card mt-6">
        <SignInForm offerSso={providers.includes('azure-ad')} callbackUrl="/" />
      </div>
    </main>
  );
}
