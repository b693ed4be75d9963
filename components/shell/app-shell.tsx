import Link from 'next/link';
import type { ReactNode } from 'react';
import type { NavItem } from '@/lib/domain/navigation';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

export function AppShell(props: {
  name: string;
  roleLabel: string;
  areaCode: string | null;
  navigation: NavItem[];
  children: ReactNode;
}) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-3"
      >
        Skip to main content
      </a>
      <header className="border-b border-slate-300 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-slate-900 no-underline">
            Threshold
          </Link>
          <div className="flex items-center gap-4 text-sm">
            <p>
              <span className="font-semibold">{props.name}</span>
              <span className="text-slate-700">
                {' '}
                · {props.roleLabel}
                {props.areaCode ? ` · ${props.areaCode}` : ''}
              </span>
            </p>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-6xl px-4">
          <ul className="flex flex-wrap gap-1">
            {props.navigation.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} label={item.label} />
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">
        {props.children}
      </main>
    </>
  );
}
