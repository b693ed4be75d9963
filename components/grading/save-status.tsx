import type { SaveState } from './use-autosave';

const stateText = (state: SaveState, savedAt: string | null): string => {
  switch (state) {
    case 'saved':
      return savedAt
        ? `All changes saved at ${new Date(savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
        : 'No changes yet';
    case 'dirty':
      return 'Unsaved changes: saving in a few seconds';
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Not saved: no connection. Your work is kept on this device and will be saved when the connection returns.';
    case 'signed-out':
      return 'Not saved: your session has ended. What you typed is still on this page (and no longer kept on this device). Sign in again in a new tab, then come back here and press Save now. Do not reload this page.';
    case 'conflict':
      return 'Not saved: someone else saved this case after you opened it. Choose below which answers to keep.';
    case 'error':
      return 'Not saved. Your work is kept on this device.';
  }
};

/** The autosave's state, announced politely and kept in view at the top of the form. */
export function SaveStatus({ state, savedAt }: { state: SaveState; savedAt: string | null }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={`sticky top-0 z-10 rounded-md border p-2 text-sm ${state === 'saved' ? 'border-green-700 bg-green-50' : state === 'dirty' || state === 'saving' ? 'border-slate-400 bg-white' : 'border-red-800 bg-red-50'}`}
    >
      {stateText(state, savedAt)}
    </p>
  );
}
