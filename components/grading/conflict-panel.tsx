import { diffAnswers, type GradingAnswers } from '@/lib/domain/grading';
import type { RubricContent } from '@/lib/domain/rubric';
import type { Conflict } from './use-autosave';

/** Someone else saved the case meanwhile: what differs, and which answers to keep. */
export function ConflictPanel({
  conflict,
  answers,
  content,
  onKeepMine,
  onUseSaved,
}: {
  conflict: Conflict;
  answers: GradingAnswers;
  content: RubricContent;
  onKeepMine: () => void;
  onUseSaved: () => void;
}) {
  return (
    <section className="error-summary space-y-3" aria-labelledby="conflict-title">
      <h2 id="conflict-title" className="text-base font-semibold">
        Someone else saved this case{' '}
        {conflict.savedAt ? `at ${new Date(conflict.savedAt).toLocaleTimeString('en-GB')}` : ''} (version{' '}
        {conflict.currentVersion}); your answers are based on version {conflict.yourVersion}.
      </h2>
      <table className="data-table bg-white text-slate-900">
        <caption className="text-left text-sm">Differences</caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">Saved version {conflict.currentVersion}</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {diffAnswers(conflict.answers, answers, content).map((difference) => (
            <tr key={difference.field}>
              <td>{difference.field}</td>
              <td>{difference.from || '—'}</td>
              <td>{difference.to || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn btn-primary" onClick={onKeepMine}>
          Keep my answers (replace version {conflict.currentVersion})
        </button>
        <button type="button" className="btn btn-secondary" onClick={onUseSaved}>
          Use the saved version {conflict.currentVersion}
        </button>
      </div>
    </section>
  );
}
