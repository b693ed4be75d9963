'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { ImportProgress, ImportRefused, type ImportStage } from '@/components/ui/import-status';
import { readAsBase64 } from '@/components/ui/read-file';
import type { ActionResult } from '@/lib/actions/result';
import type { CaseIndexImportOutcome } from '@/lib/domain/import-outcomes';

type ImportAction = (input: unknown) => Promise<ActionResult<CaseIndexImportOutcome>>;

export function CaseIndexImport({ importAction }: { importAction: ImportAction }) {
  const router = useRouter();
  const [file, setFile] = useState<{ name: string; base64: string; size: number } | null>(null);
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  const [outcome, setOutcome] = useState<CaseIndexImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function choose(chosen: File | undefined) {
    setOutcome(null);
    setError(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size > 20 * 1024 * 1024) return setError('The file is too large (at most 20 MB).');
    setStage({ kind: 'reading', percent: 0 });
    try {
      const base64 = await readAsBase64(chosen, (percent) => setStage({ kind: 'reading', percent }));
      setFile({ name: chosen.name, base64, size: chosen.size });
    } catch {
      setError('The file could not be read. Choose it again.');
    }
    setStage({ kind: 'idle' });
  }

  async function send(commit: boolean) {
    if (!file) return setError('Choose a CSV or XLSX file first.');
    setError(null);
    setStage({
      kind: 'working',
      text: commit ? 'Importing… large files take a few seconds.' : 'Checking every row…',
    });
    try {
      const result = await importAction({ fileName: file.name, contentBase64: file.base64, commit });
      if (result.ok) {
        setOutcome(result.data);
        if (result.data.status === 'imported') router.refresh();
      } else {
        setOutcome(null);
        setError(Object.values(result.fieldErrors ?? {})[0] ?? result.error);
      }
    } catch {
      setError('The server could not be reached. Nothing was imported.');
    } finally {
      setStage({ kind: 'idle' });
      requestAnimationFrame(() => resultRef.current?.focus());
    }
  }

  const busy = stage.kind !== 'idle';
  return (
    <div className="space-y-6">
      <div className="field">
        <label htmlFor="case-index-file" className="block font-medium">
          Case-file index (CSV or XLSX)
        </label>
        <p id="case-index-file-hint" className="text-sm text-slate-600">
          One row per filed document: case_reference, service_area, team (optional), practitioner_ref,
          law_type (Public Law, Private Law WAFH or Private Law WTFH), document_type, filed_date (yyyy-mm-dd
          or dd/mm/yyyy), eit (yes or no), subject_children. At most 20 MB.
        </p>
        <input
          id="case-index-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="case-index-file-hint"
          className="input"
          disabled={busy}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
      </div>
      <ImportProgress stage={stage} />
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy || !file}
        onClick={() => void send(false)}
      >
        Check file
      </button>
      <div ref={resultRef} tabIndex={-1} aria-live="polite">
        {error && (
          <div role="alert" className="error-summary">
            {error}
          </div>
        )}
        {outcome?.status === 'problems' && (
          <ImportRefused
            fileName={file?.name}
            problemCount={outcome.problemCount}
            problems={outcome.problems}
          />
        )}
        {outcome?.status === 'checked' && (
          <div className="card space-y-3">
            <p>
              {file?.name}: all {outcome.rowCount.toLocaleString('en-GB')} rows are valid (
              {outcome.caseCount.toLocaleString('en-GB')} cases). Rows already in the index are left as they
              are.
            </p>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void send(true)}>
              Import {outcome.rowCount.toLocaleString('en-GB')} rows
            </button>
          </div>
        )}
        {outcome?.status === 'imported' && (
          <p role="status" className="card">
            Imported {outcome.rowCount.toLocaleString('en-GB')} rows:{' '}
            {outcome.casesAdded.toLocaleString('en-GB')} new cases,{' '}
            {outcome.documentsAdded.toLocaleString('en-GB')} new documents,{' '}
            {outcome.documentsAlreadyPresent.toLocaleString('en-GB')} already in the index.
          </p>
        )}
      </div>
    </div>
  );
}
