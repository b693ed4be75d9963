import Link from 'next/link';

export default function NotFound() {
  return (
    <div>
      <h1>Not found</h1>
      <p className="mt-2">That page or record does not exist, or you do not have access to it.</p>
      <p className="mt-4">
        <Link href="/">Go to your home page</Link>
      </p>
    </div>
  );
}
