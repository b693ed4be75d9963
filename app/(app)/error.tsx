'use client';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert">
      <h1>Something went wrong</h1>
      <p className="mt-2">The page could not be shown. Nothing you saved earlier is affected.</p>
      {error.digest && <p className="mt-2 text-sm text-slate-700">Reference: {error.digest}</p>}
      <button type="button" className="btn btn-primary mt-4" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
