import { ImportProblems } from './import-problems';

export type ImportStage =
  { kind: 'idle' } | { kind: 'reading'; percent: number } | { kind: 'working'; text: string };

/** Progress while a chosen file is read in the browser, then while the server works. */
export function ImportProgress({ stage }: { stage: ImportStage }) {
  if (stage.kind === 'reading')
    return (
      <div>
        <label htmlFor="read-progress" className="text-sm">
          Reading the file: {stage.percent}%
        </label>
        <progress id="read-progress" className="block w-full max-w-xl" max={100} value={stage.percent} />
      </div>
    );
  if (stage.kind === 'working')
    return (
      <div role="status">
        <label htmlFor="work-progress" className="text-sm">
          {stage.text}
        </label>
        <progress id="work-progress" className="block w-full max-w-xl" />
      </div>
    );
  return null;
}

/** An import refused row by row: nothing was written. */
export function ImportRefused({
  fileName,
  problemCount,
  problems,
}: {
  fileName: string | undefined;
  problemCount: number;
  problems: { line: number; column: string; reason: string }[];
}) {
  return (
    <div className="error-summary">
      <h2 className="text-base font-semibold">
        Nothing was imported: {problemCount.toLocaleString('en-GB')} problem{problemCount === 1 ? '' : 's'} in{' '}
        {fileName}
      </h2>
      <p className="text-sm">
        Correct them and check the file again. Lines count from the header, which is line 1.
        {problemCount > problems.length ? ` The first ${problems.length} are listed.` : ''}
      </p>
      <ImportProblems problems={problems} />
    </div>
  );
}
