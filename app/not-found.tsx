import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto mt-16 max-w-xl px-4">
      <h1>Page not found</h1>
      <p className="mt-2">The page does not exist, or you do not have access to it.</p>
      <p className="mt-4">
        <Link href="/">Go to your home page</Link>
      </p>
    </main>
  );
}
