'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { clearDeviceCopies, saveOpenForms } from '@/components/grading/device-copy';

const UNSAVED_WARNING =
  'Your latest grading changes have not reached the server. If you sign out now they are lost. Sign out anyway?';

export function SignOutButton() {
  const [pending, setPending] = useState(false);

  async function signOutHere() {
    setPending(true);
    // What was typed goes to the server first; the copy on this (possibly
    // shared) computer is then removed, so the next person cannot restore it.
    if (!(await saveOpenForms()) && !window.confirm(UNSAVED_WARNING)) {
      setPending(false);
      return;
    }
    clearDeviceCopies();
    try {
      await signOut({ callbackUrl: '/sign-in' });
    } catch {
      // No connection: still signed in here; the button works again.
      setPending(false);
    }
  }

  return (
    <button
      type="button"
      className="btn btn-secondary py-1"
      disabled={pending}
      onClick={() => void signOutHere()}
    >
      Sign out
    </button>
  );
}
