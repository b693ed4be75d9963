'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { ImportProblems } from '@/components/ui/import-problems';
import { decodeText } from '@/lib/csv/decode';
import type { ActionResult } from '@/lib/actions/result';
import type { PractitionerImportOutcome } from '@/lib/domain/import-outcomes';

type ImportAction = (input: unknown) => Promise<ActionResult<PractitionerImportOutcome>>;

export function PractitionerImport({ importAction }: { importAction: ImportAction }) {
  const router = useRouter();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<PractitionerImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function onFileChosen(file: File | undefined) {
    setOutcome(null);
    setError(null);
    if (!file) return setCsv(null);
    if (file.size > 5 * 1024 * 1024) {
      setCsv(null);
      return setError('The file is too large (at most 5 MB).');
    }
    setFileName(file.name);
    setCsv(decodeText(new Uint8Array(await file.arrayBuffer())));
  }

  async function send(commit: boolean) {
    if (csv === null) {
      setError('Choose a CSV file first.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await importAction({ csv, commit });
      if (result.ok) {
        setOutcome(result.data);
        if (result.data.status === 'imported') router.refresh();
      } else {
        setOutcome(null);
        setError(result.fieldErrors?.csv ?? result.error);
      }
    } catch {
      setError('The server could not be reached. Nothing was imported.');
    } finally {
      setPending(false);
      requestAnimationFrame(() => resultRef.current?.focus());
    }
  }

  return (
    <div className="space-y-6">
      <div className="field">
        <label htmlFor="practitioner-csv" className="block font-medium">
          CSV file
        </label>
        <p id="practitioner-csv-hint" className="text-sm text-slate-600">
          Columns: reference, name, service_area, team, employment (Employed or Agency), and optionally
          performance_band and manager_email. At most 5 MB.
        </p>
        <input
          id="practitioner-csv"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="practitioner-csv-hint"
          className="input"
          onChange={(event) => {
            void onFileChosen(event.currentTarget.files?.[0]);
          }}
        />
      </div>
      <button type="button" className="btn btn-primary" disabled={pending} onClick={() => void send(false)}>
        {pending ? 'Checking…' : 'Check file'}
      </button>
      <div ref={resultRef} tabIndex={-1} aria-live="polite">
        {error && (
          <div role="alert" className="error-summary">
            {error}
          </div>
        )}
        {outcome?.status === 'problems' && (
          <div className="error-summary">
            <h2 className="text-base font-semibold">
              Nothing was imported: {outcome.problems.length.toLocaleString('en-GB')} problem
              {outcome.problems.length === 1 ? '' : 's'} in {fileName}
            </h2>
            <p className="text-sm">
              Correct them in the file and check it again. Lines count from the header, which is line 1.
            </p>
            <ImportProblems problems={outcome.problems} />
          </div>
        )}
        {outcome?.status === 'checked' && (
          <div className="card space-y-3">
            <p>
              {fileName}: all {outcome.rowCount.toLocaleString('en-GB')} rows are valid. Importing adds new
              practitioners and updates changed ones; nothing else changes.
            </p>
            <button
              type="button"
              className="btn btn-primary"
              disabled={pending}
              onClick={() => void send(true)}
            >
              {pending ? 'Importing…' : `Import ${outcome.rowCount.toLocaleString('en-GB')} practitioners`}
            </button>
          </div>
        )}
        {outcome?.status === 'imported' && (
          <p role="status" className="card">
            Imported: {outcome.created} added, {outcome.updated} updated, {outcome.unchanged} unchanged.
          </p>
        )}
      </div>
    </div>
  );
}
