// Browser only: imported by the grading form and the sign-out button (client components).
import { isThresholdKey } from '@/lib/domain/device-copy';

/** Removes every Threshold copy from this browser: on sign-out and when the session has ended. */
export function clearDeviceCopies(): void {
  const storage = window.localStorage;
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key !== null && isThresholdKey(key)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

// Grading forms on the page register here, so Sign out can first send what was
// typed to the server: clearing the device copy must not lose it.
const unsavedWork = new Set<() => Promise<boolean>>();
const FLUSH_LIMIT_MS = 8000;

/** Registers a form's "save what you have"; returns the unregister function. */
export function saveOnSignOut(flush: () => Promise<boolean>): () => void {
  unsavedWork.add(flush);
  return () => {
    unsavedWork.delete(flush);
  };
}

/** True when every open form reached the server (or had nothing to save) in time. */
export async function saveOpenForms(): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => window.setTimeout(() => resolve(false), FLUSH_LIMIT_MS));
  const saved = Promise.all([...unsavedWork].map((flush) => flush().catch(() => false))).then((results) =>
    results.every(Boolean),
  );
  return Promise.race([saved, timeout]);
}
