'use client';

import { useState } from 'react';
import {
  describeOverallRule,
  isLowestLevel,
  suggestOverallGrade,
  type RubricContent,
} from '@/lib/domain/rubric';

/**
 * The grading form rendered from a threshold version. In preview it keeps
 * its answers locally so an author can try the overall-grade suggestion.
 */
export function RubricForm({ content, idPrefix = 'rubric' }: { content: RubricContent; idPrefix?: string }) {
  const [sectionGrades, setSectionGrades] = useState<Record<string, string>>({});
  const suggestion = suggestOverallGrade(content, sectionGrades);
  const suggestionLabel = content.scale.levels.find((level) => level.key === suggestion)?.label ?? null;
  const [overall, setOverall] = useState<string>('');
  const needsRationale = overall !== '' && (overall !== suggestion || isLowestLevel(content.scale, overall));

  return (
    <div className="space-y-8">
      {content.sections.length === 0 && <p>This document has no sections yet.</p>}
      {content.sections.map((section, index) => (
        <section
          key={section.key}
          className="card space-y-4"
          aria-labelledby={`${idPrefix}-${section.key}-title`}
        >
          <h3 id={`${idPrefix}-${section.key}-title`} className="text-lg font-semibold">
            {index + 1}. {section.title || 'Untitled section'}
          </h3>
          {section.guidance && <p className="whitespace-pre-line text-slate-700">{section.guidance}</p>}
          <fieldset>
            <legend className="font-medium">Grade for {section.title || 'this section'}</legend>
            <div className="mt-2 space-y-2">
              {content.scale.levels.map((level) => {
                const inputId = `${idPrefix}-${section.key}-${level.key}`;
                return (
                  <div key={level.key} className="flex gap-3 rounded-md border border-slate-300 p-3">
                    <input
                      type="radio"
                      id={inputId}
                      name={`${idPrefix}-${section.key}-grade`}
                      value={level.key}
                      className="mt-1 h-5 w-5 shrink-0"
                      aria-describedby={`${inputId}-descriptor`}
                      checked={sectionGrades[section.key] === level.key}
                      onChange={() => setSectionGrades((grades) => ({ ...grades, [section.key]: level.key }))}
                    />
                    <div>
                      <label htmlFor={inputId} className="font-semibold">
                        {level.label || 'Unnamed level'}
                      </label>
                      <p id={`${inputId}-descriptor`} className="text-sm whitespace-pre-line text-slate-700">
                        {section.descriptors[level.key] || 'No descriptor yet.'}
                      </p>
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={`${idPrefix}-${section.key}-evidence`} className="block font-medium">
              Evidence for {section.title || 'this section'}
            </label>
            <textarea id={`${idPrefix}-${section.key}-evidence`} rows={3} className="input" />
          </div>
          {section.questions.map((question) => (
            <fieldset key={question.key}>
              <legend className="font-medium">{question.text || 'Untitled question'}</legend>
              <div className="mt-1 flex gap-6">
                {['Yes', 'No', 'Not applicable'].map((answer) => (
                  <div key={answer} className="flex items-center gap-2">
                    <input
                      type="radio"
                      id={`${idPrefix}-${section.key}-${question.key}-${answer}`}
                      name={`${idPrefix}-${section.key}-${question.key}`}
                      className="h-4 w-4"
                    />
                    <label htmlFor={`${idPrefix}-${section.key}-${question.key}-${answer}`}>{answer}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
        </section>
      ))}
      <section className="card space-y-4" aria-labelledby={`${idPrefix}-overall-title`}>
        <h3 id={`${idPrefix}-overall-title`} className="text-lg font-semibold">
          Overall grade
        </h3>
        <p className="text-sm text-slate-700">Rule: {describeOverallRule(content)}.</p>
        <p role="status" aria-live="polite">
          {suggestionLabel ? (
            <>
              Suggested from the section grades: <strong>{suggestionLabel}</strong>. You decide.
            </>
          ) : (
            'Grade the sections to see the suggested overall grade.'
          )}
        </p>
        <div className="field">
          <label htmlFor={`${idPrefix}-overall`} className="block font-medium">
            Overall grade
          </label>
          <select
            id={`${idPrefix}-overall`}
            className="input"
            value={overall}
            onChange={(event) => setOverall(event.target.value)}
          >
            <option value="">Choose a grade</option>
            {content.scale.levels.map((level) => (
              <option key={level.key} value={level.key}>
                {level.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-rationale`} className="block font-medium">
            Rationale
            {needsRationale
              ? ' (required)'
              : ' (required when the grade differs from the suggestion or is the lowest)'}
          </label>
          <textarea id={`${idPrefix}-rationale`} rows={3} className="input" aria-required={needsRationale} />
        </div>
      </section>
      {content.themes.length > 0 && (
        <section className="card" aria-labelledby={`${idPrefix}-themes-title`}>
          <h3 id={`${idPrefix}-themes-title`} className="text-lg font-semibold">
            Themes for strengths and learning points
          </h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {content.themes.map((theme) => (
              <li key={theme.key} className="tag">
                {theme.label}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
