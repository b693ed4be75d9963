'use client';

import { useState } from 'react';
import { emptyAnswers } from '@/lib/domain/grading';
import type { RubricContent } from '@/lib/domain/rubric';
import { fieldProblems } from './field-problems';
import { OverallGradeFields, SectionFields } from './rubric-fields';

const NO_PROBLEMS = fieldProblems();

/**
 * A threshold document's fields as an auditor sees them in the grading form,
 * rendered by the form's own components. Answers stay in this page, unsaved,
 * so an author can try the overall-grade suggestion.
 */
export function RubricPreview({
  content,
  idPrefix = 'preview-',
}: {
  content: RubricContent;
  idPrefix?: string;
}) {
  const [answers, setAnswers] = useState(() => emptyAnswers(content));
  const fields = { content, answers, onChange: setAnswers, problems: NO_PROBLEMS, idPrefix, preview: true };

  return (
    <div className="space-y-8">
      {content.sections.length === 0 && <p>This document has no sections yet.</p>}
      {content.sections.map((section, index) => (
        <SectionFields key={section.key} section={section} index={index} {...fields} />
      ))}
      <OverallGradeFields {...fields} />
      {content.themes.length > 0 && (
        <section className="card" aria-labelledby={`${idPrefix}themes-title`}>
          <h3 id={`${idPrefix}themes-title`} className="text-lg font-semibold">
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
