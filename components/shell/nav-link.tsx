'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A main-navigation link that tells assistive technology which page is current. */
export function NavLink({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  const isCurrent = href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? 'page' : undefined}
      className={`inline-block px-3 py-2 text-sm font-medium ${isCurrent ? 'border-b-4 border-blue-800 text-slate-900 no-underline' : ''}`}
    >
      {label}
    </Link>
  );
}
