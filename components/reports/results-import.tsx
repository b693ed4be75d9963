'use client';

import { useRef, useState } from 'react';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { ImportProgress, ImportRefused, type ImportStage } from '@/components/ui/import-status';
import { readAsBase64 } from '@/components/ui/read-file';
import type { ActionResult } from '@/lib/actions/result';
import type { ResultsImportOutcome } from '@/lib/domain/import-outcomes';

type ImportAction = (input: unknown) => Promise<ActionResult<ResultsImportOutcome>>;

export function ResultsImport({
  importAction,
  areaCodes,
}: {
  importAction: ImportAction;
  areaCodes: Record<string, string>;
}) {
  const [auditName, setAuditName] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  const [outcome, setOutcome] = useState<ResultsImportOutcome | null>(null);
  const [error, setError] = useState<{ field: 'auditName' | 'file' | null; message: string } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function choose(chosen: File | undefined) {
    setOutcome(null);
    setError(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size > 20 * 1024 * 1024)
      return setError({ field: 'file', message: 'The file is too large (at most 20 MB).' });
    setStage({ kind: 'reading', percent: 0 });
    try {
      const base64 = await readAsBase64(chosen, (percent) => setStage({ kind: 'reading', percent }));
      setFile({ name: chosen.name, base64 });
    } catch {
      setError({ field: 'file', message: 'The file could not be read. Choose it again.' });
    }
    setStage({ kind: 'idle' });
  }

  async function send(commit: boolean, createPractitioners: boolean) {
    if (!auditName.trim()) return setError({ field: 'auditName', message: 'Enter the audit’s name.' });
    if (!file) return setError({ field: 'file', message: 'Choose a CSV or XLSX file first.' });
    setError(null);
    setStage({ kind: 'working', text: commit ? 'Importing…' : 'Checking every row…' });
    try {
      const result = await importAction({
        auditName,
        fileName: file.name,
        contentBase64: file.base64,
        commit,
        createPractitioners,
      });
      if (result.ok) setOutcome(result.data);
      else {
        setOutcome(null);
        const [field, message] = Object.entries(result.fieldErrors ?? {})[0] ?? [null, result.error];
        setError({ field: field === 'auditName' ? 'auditName' : field ? 'file' : null, message });
      }
    } catch {
      setError({ field: null, message: 'The server could not be reached. Nothing was imported.' });
    } finally {
      setStage({ kind: 'idle' });
      requestAnimationFrame(() => resultRef.current?.focus());
    }
  }

  const busy = stage.kind !== 'idle';
  return (
    <div className="space-y-6">
      <div className="field">
        <label htmlFor="audit-name" className="block font-medium">
          Audit name
        </label>
        <p id="audit-name-hint" className="text-sm text-slate-600">
          An audit without a sample in Threshold, or a new name: a new audit is created, published, on the
          national Good / Met / Not Met threshold document. A month and year in the name (e.g. “National Audit
          April 2013”) sets its period.
        </p>
        <input
          id="audit-name"
          className="input"
          value={auditName}
          disabled={busy}
          aria-describedby={
            error?.field === 'auditName' ? 'audit-name-hint audit-name-error' : 'audit-name-hint'
          }
          aria-invalid={error?.field === 'auditName' || undefined}
          onChange={(event) => {
            setAuditName(event.currentTarget.value);
            setOutcome(null);
          }}
        />
        {error?.field === 'auditName' && (
          <p id="audit-name-error" className="text-sm font-medium text-red-800">
            {error.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="results-file" className="block font-medium">
          Results (CSV or XLSX)
        </label>
        <p id="results-file-hint" className="text-sm text-slate-600">
          One graded case per row: case_ref, service_area, practitioner_ref, employment (Employed or Agency),
          law_type (Public Law, Private Law WAFH or Private Law WTFH), overall_grade, children_seen (Seen, Not
          seen - reason recorded, Not seen - no reason recorded, Unclear or Not applicable). Optional: team,
          performance_band, eit, and one column per section key with that section’s grade. For past local
          audits, also optional: kind (Local quality and impact, National practice quality or Performance
          board; one kind per file), auditor (a user’s email), date (audited on, yyyy-mm-dd), and yes, no or
          blank for collaborative, family_feedback, oversight_expected, oversight_recorded,
          supervision_recorded and supervision_impact. Other columns are ignored.
        </p>
        <input
          id="results-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="results-file-hint"
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
        onClick={() => void send(false, false)}
      >
        Check file
      </button>
      <div ref={resultRef} tabIndex={-1} aria-live="polite">
        {error && error.field !== 'auditName' && (
          <div role="alert" className="error-summary">
            {error.message}
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
              {outcome.auditExists
                ? `They will be added to “${auditName.trim()}”.`
                : `“${auditName.trim()}” does not exist yet: it will be created, published.`}
            </p>
            {outcome.unknownPractitioners.length > 0 ? (
              <>
                <p>
                  {outcome.unknownPractitioners.length} practitioner
                  {outcome.unknownPractitioners.length === 1 ? ' is' : 's are'} not in Threshold and will be
                  created:
                </p>
                <div
                  className="max-h-64 overflow-auto"
                  tabIndex={0}
                  role="region"
                  aria-label="Practitioners to create (scrollable)"
                >
                  <DataTable
                    rows={outcome.unknownPractitioners}
                    rowKey={(practitioner) => practitioner.reference}
                    columns={[
                      { header: 'Reference', cell: (practitioner) => practitioner.reference },
                      {
                        header: 'Service area',
                        cell: (practitioner) => areaCodes[practitioner.serviceAreaId] ?? '',
                      },
                      {
                        header: 'Employment',
                        cell: (practitioner) =>
                          practitioner.employment === 'AGENCY' ? 'Agency' : 'Employed',
                      },
                    ]}
                  />
                </div>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={() => void send(true, true)}
                >
                  Create {outcome.unknownPractitioners.length} practitioner
                  {outcome.unknownPractitioners.length === 1 ? '' : 's'} and import {outcome.rowCount} rows
                </button>
              </>
            ) : (
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void send(true, false)}
              >
                Import {outcome.rowCount.toLocaleString('en-GB')} rows
              </button>
            )}
          </div>
        )}
        {outcome?.status === 'imported' && (
          <p role="status" className="card">
            Imported {outcome.cases.toLocaleString('en-GB')} graded cases
            {outcome.auditCreated ? ' into a new, published audit' : ''}; {outcome.practitionersCreated}{' '}
            practitioner
            {outcome.practitionersCreated === 1 ? '' : 's'} created.{' '}
            <Link href={`/reports/${outcome.auditId}`}>Open its report</Link>
          </p>
        )}
      </div>
    </div>
  );
}
