'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { draftCopyKey, restorableAnswers } from '@/lib/domain/device-copy';
import type { GradingAnswers } from '@/lib/domain/grading';
import { clearDeviceCopies, saveOnSignOut } from './device-copy';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'offline' | 'signed-out' | 'conflict' | 'error';
export type Conflict = {
  currentVersion: number;
  yourVersion: number;
  savedAt: string;
  answers: GradingAnswers;
};
export type ChangeAnswers = (next: (draft: GradingAnswers) => GradingAnswers) => void;

const AUTOSAVE_MS = 4000;

/**
 * The grading draft's autosave: every change is kept on this device and sent
 * to `draftUrl` a few seconds later (and on blur, page hide and sign-out),
 * guarded by the version it was based on so a concurrent save is shown as a
 * conflict instead of being overwritten.
 */
export function useAutosave(options: {
  /** The signed-in person: the copy kept on this device is theirs alone. */
  userId: string;
  recordId: string;
  draftUrl: string;
  initialAnswers: GradingAnswers;
  initialVersion: number;
  initialSavedAt: string | null;
}) {
  const { draftUrl, initialAnswers, initialVersion } = options;
  const [answers, setAnswers] = useState(initialAnswers);
  const [version, setVersion] = useState(initialVersion);
  const [state, setState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(options.initialSavedAt);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const copyKey = draftCopyKey(options.userId, options.recordId);
  // Set by a 401 until a save succeeds again: no copy is written meanwhile.
  const sessionEnded = useRef(false);
  const latest = useRef<{
    answers: GradingAnswers;
    version: number;
    dirty: boolean;
    saving: boolean;
    inflight: Promise<void> | null;
  }>({
    answers,
    version,
    dirty: false,
    saving: false,
    inflight: null,
  });
  latest.current.answers = answers;
  latest.current.version = version;

  // A reload or a dropped network must not lose text: every change is also
  // kept on this device, under this person's key, until the server has it.
  useEffect(() => {
    const restored = restorableAnswers(window.localStorage.getItem(copyKey), {
      version: initialVersion,
      answers: initialAnswers,
    });
    if (!restored) return;
    setAnswers(restored);
    latest.current.dirty = true;
    setState('dirty');
    setNotice(
      'Restored changes from this device that had not reached the server yet. They will be saved now.',
    );
  }, [copyKey, initialVersion, initialAnswers]);

  const save = useCallback(
    async (saveOptions: { keepalive?: boolean; overrideVersion?: number } = {}) => {
      const current = latest.current;
      if (current.saving || (!current.dirty && saveOptions.overrideVersion === undefined)) return;
      current.saving = true;
      let finished: () => void = () => undefined;
      current.inflight = new Promise<void>((resolve) => {
        finished = resolve;
      });
      const baseVersion = saveOptions.overrideVersion ?? current.version;
      const sent = current.answers;
      setState('saving');
      try {
        const response = await fetch(draftUrl, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ baseVersion, answers: sent }),
          keepalive: saveOptions.keepalive,
        });
        const body = (await response.json()) as {
          version?: number;
          savedAt?: string;
          error?: string;
        } & Partial<Conflict>;
        if (response.ok && body.version !== undefined) {
          sessionEnded.current = false;
          latest.current.version = body.version;
          setVersion(body.version);
          setSavedAt(body.savedAt ?? null);
          setConflict(null);
          if (latest.current.answers === sent) {
            latest.current.dirty = false;
            window.localStorage.removeItem(copyKey);
            setState('saved');
          } else {
            setState('dirty');
          }
        } else if (response.status === 401) {
          // The session ended (signed out elsewhere, timed out, revoked): someone
          // else may be at this computer next, so every Threshold copy on it goes.
          // What was typed stays in this page's memory, and the autosave keeps
          // trying: once the same person signs in again in another tab, it lands.
          sessionEnded.current = true;
          clearDeviceCopies();
          setState('signed-out');
        } else if (response.status === 409 && body.answers && body.currentVersion !== undefined) {
          setConflict({
            currentVersion: body.currentVersion,
            yourVersion: baseVersion,
            savedAt: body.savedAt ?? '',
            answers: body.answers,
          });
          setState('conflict');
        } else {
          setNotice(body.error ?? 'The draft was not saved.');
          setState('error');
        }
      } catch {
        setState('offline');
      } finally {
        latest.current.saving = false;
        latest.current.inflight = null;
        finished();
      }
    },
    [copyKey, draftUrl],
  );

  /** Waits for a save under way, then sends what is still unsaved. */
  const flush = useCallback(async () => {
    while (latest.current.inflight) await latest.current.inflight;
    if (latest.current.dirty) await save();
  }, [save]);

  useEffect(
    () =>
      saveOnSignOut(async () => {
        await flush();
        return !latest.current.dirty;
      }),
    [flush],
  );

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (latest.current.dirty && !conflict) void save();
    }, AUTOSAVE_MS);
    const onLeave = () => {
      if (latest.current.dirty) void save({ keepalive: true });
    };
    window.addEventListener('pagehide', onLeave);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', onLeave);
    };
  }, [save, conflict]);

  const change: ChangeAnswers = (next) => {
    setAnswers((current) => {
      const updated = next(current);
      if (!sessionEnded.current)
        window.localStorage.setItem(
          copyKey,
          JSON.stringify({ baseVersion: latest.current.version, answers: updated }),
        );
      return updated;
    });
    latest.current.dirty = true;
    setState((current) => (current === 'conflict' ? current : 'dirty'));
  };

  return {
    answers,
    state,
    savedAt,
    conflict,
    notice,
    change,
    /** Saves now if anything is unsaved (the Save now button, leaving a field). */
    saveNow: () => void save(),
    /** Saves on blur: only when something changed. */
    saveIfDirty: () => {
      if (latest.current.dirty) void save();
    },
    flush,
    /** The version the next submission is based on: the last one the server confirmed. */
    currentVersion: () => latest.current.version,
    /** The conflict's first choice: these answers replace the saved version. */
    keepMyAnswers: (currentVersion: number) => void save({ overrideVersion: currentVersion }),
    /** The conflict's second choice: take the saved version and drop this device's copy. */
    takeSavedVersion: (saved: Conflict) => {
      setAnswers(saved.answers);
      setVersion(saved.currentVersion);
      latest.current.version = saved.currentVersion;
      latest.current.dirty = false;
      window.localStorage.removeItem(copyKey);
      setConflict(null);
      setState('saved');
    },
    /** After a submission the draft is done with: nothing left to save or keep here. */
    forgetDraft: () => {
      latest.current.dirty = false;
      window.localStorage.removeItem(copyKey);
    },
  };
}
