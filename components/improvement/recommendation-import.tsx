'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { ImportProgress, ImportRefused, type ImportStage } from '@/components/ui/import-status';
import { readAsBase64 } from '@/components/ui/read-file';
import { importRecommendationsAction } from '@/lib/actions/improvement-register';
import type { RecommendationImportOutcome } from '@/lib/domain/import-outcomes';

const MAX_BYTES = 5 * 1024 * 1024;

/** Check the file (every row), then import it all or nothing. */
export function RecommendationImport() {
  const router = useRouter();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  const [outcome, setOutcome] = useState<RecommendationImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function choose(chosen: File | undefined) {
    setOutcome(null);
    setError(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) return setError('The file is too large (at most 5 MB).');
    setStage({ kind: 'reading', percent: 0 });
    try {
      const base64 = await readAsBase64(chosen, (percent) => setStage({ kind: 'reading', percent }));
      setFile({ name: chosen.name, base64 });
    } catch {
      setError('The file could not be read. Choose it again.');
    }
    setStage({ kind: 'idle' });
  }

  async function send(commit: boolean) {
    if (!file) return setError('Choose a CSV or XLSX file first.');
    setError(null);
    setStage({ kind: 'working', text: commit ? 'Importing…' : 'Checking every row…' });
    try {
      const result = await importRecommendationsAction({
        fileName: file.name,
        contentBase64: file.base64,
        commit,
      });
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
        <label htmlFor="recommendation-file" className="block font-medium">
          Recommendations (CSV or XLSX)
        </label>
        <p id="recommendation-file-hint" className="text-sm text-slate-600">
          One row per recommendation: source_title, number, text, and optionally kind, scope_areas and
          law_types (separated by ;), owner_email, due_on (yyyy-mm-dd or dd/mm/yyyy). A source new to
          Threshold also needs source_kind, issued_by, issued_on and scale on its first row, and may have
          source_area and document. At most 5 MB and 2,000 rows.
        </p>
        <input
          id="recommendation-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="recommendation-file-hint"
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
              {file?.name}: all {outcome.rowCount.toLocaleString('en-GB')} rows are valid.{' '}
              {outcome.newSources.length > 0
                ? `New sources: ${outcome.newSources.join('; ')}.`
                : 'Every source is already in the register.'}{' '}
              A recommendation already in its source (same number) is updated where it differs.
            </p>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void send(true)}>
              Import {outcome.recommendationCount.toLocaleString('en-GB')} recommendations
            </button>
          </div>
        )}
        {outcome?.status === 'imported' && (
          <p role="status" className="card">
            Imported {outcome.rowCount.toLocaleString('en-GB')} rows: {outcome.sourcesCreated} new sources,{' '}
            {outcome.recommendationsCreated} new recommendations, {outcome.recommendationsUpdated} updated,{' '}
            {outcome.recommendationsUnchanged} unchanged.
          </p>
        )}
      </div>
    </div>
  );
}
