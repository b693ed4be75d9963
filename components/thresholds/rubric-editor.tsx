'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { DataTable } from '@/components/ui/data-table';
import {
  OVERALL_RULE_LABELS,
  type OverallRule,
  type RubricContent,
  type RubricSection,
} from '@/lib/domain/rubric';

type Result<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };
type SaveAction = (input: unknown) => Promise<Result<{ version: number }>>;
type PublishAction = (
  input: unknown,
) => Promise<Result<{ published: true } | { published: false; problems: string[] }>>;

const newKey = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

export function RubricEditor(props: {
  versionId: string;
  version: number;
  label: string;
  content: RubricContent;
  previousSections: { key: string; title: string }[];
  saveAction: SaveAction;
  publishAction: PublishAction;
}) {
  const router = useRouter();
  const [label, setLabel] = useState(props.label);
  const [content, setContent] = useState<RubricContent>(props.content);
  const [version, setVersion] = useState(props.version);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; list?: string[] } | null>(
    null,
  );
  const messageRef = useRef<HTMLDivElement>(null);

  const update = (change: (draft: RubricContent) => RubricContent) => {
    setContent((current) => change(current));
    setDirty(true);
  };
  const updateSection = (index: number, change: Partial<RubricSection>) =>
    update((draft) => ({
      ...draft,
      sections: draft.sections.map((section, i) => (i === index ? { ...section, ...change } : section)),
    }));
  const show = (next: typeof message) => {
    setMessage(next);
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  async function save(): Promise<number | null> {
    setPending(true);
    try {
      const result = await props.saveAction({
        versionId: props.versionId,
        version,
        label,
        contentJson: JSON.stringify(content),
      });
      if (!result.ok) {
        show({ kind: 'error', text: result.error, list: Object.values(result.fieldErrors ?? {}) });
        return null;
      }
      setVersion(result.data.version);
      setDirty(false);
      show({ kind: 'ok', text: 'Draft saved.' });
      return result.data.version;
    } catch {
      show({
        kind: 'error',
        text: 'The server could not be reached. Your changes are still on this page; try again.',
      });
      return null;
    } finally {
      setPending(false);
    }
  }

  async function publish() {
    const savedVersion = dirty ? await save() : version;
    if (savedVersion === null) return;
    setPending(true);
    try {
      const result = await props.publishAction({ versionId: props.versionId, version: savedVersion });
      if (!result.ok) return show({ kind: 'error', text: result.error });
      if (!result.data.published)
        return show({
          kind: 'error',
          text: 'This draft cannot be published yet:',
          list: result.data.problems,
        });
      router.push(`/thresholds/${props.versionId}`);
      router.refresh();
    } catch {
      show({ kind: 'error', text: 'The server could not be reached. Nothing was published.' });
    } finally {
      setPending(false);
    }
  }

  const levels = content.scale.levels;
  const rule = content.overallRule;

  return (
    <div className="space-y-8">
      <div ref={messageRef} tabIndex={-1} aria-live="polite">
        {message && (
          <div
            role={message.kind === 'error' ? 'alert' : 'status'}
            className={message.kind === 'error' ? 'error-summary' : 'card text-green-900'}
          >
            <p className="font-semibold">{message.text}</p>
            {message.list && message.list.length > 0 && (
              <ul className="mt-2 list-disc pl-5">
                {message.list.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      <section className="card space-y-4" aria-labelledby="version-title">
        <h2 id="version-title">Version</h2>
        <div className="field">
          <label htmlFor="version-label" className="block font-medium">
            Version name
          </label>
          <p id="version-label-hint" className="text-sm text-slate-600">
            For example “October 2014”.
          </p>
          <input
            id="version-label"
            className="input"
            aria-describedby="version-label-hint"
            value={label}
            onChange={(event) => {
              setLabel(event.target.value);
              setDirty(true);
            }}
          />
        </div>
      </section>

      <section className="card space-y-4" aria-labelledby="scale-title">
        <h2 id="scale-title">Grade scale</h2>
        <p className="text-sm text-slate-700">
          Highest first. Mark which levels count as “Good or above”, and which is the lowest (it sends a case
          to area review).
        </p>
        <DataTable
          rows={levels}
          rowKey={(level) => level.key}
          columns={[
            {
              header: 'Level',
              cell: (level, index) => (
                <>
                  <label htmlFor={`level-${level.key}`} className="sr-only">
                    Name of level {index + 1}
                  </label>
                  <input
                    id={`level-${level.key}`}
                    className="input"
                    value={level.label}
                    onChange={(event) =>
                      update((draft) => ({
                        ...draft,
                        scale: {
                          ...draft.scale,
                          levels: draft.scale.levels.map((l) =>
                            l.key === level.key ? { ...l, label: event.target.value } : l,
                          ),
                        },
                      }))
                    }
                  />
                </>
              ),
            },
            {
              header: 'Good or above',
              cell: (level, index) => (
                <>
                  <input
                    type="checkbox"
                    className="h-5 w-5"
                    aria-label={`${level.label || `Level ${index + 1}`} counts as Good or above`}
                    checked={level.isGoodOrAbove}
                    onChange={(event) =>
                      update((draft) => ({
                        ...draft,
                        scale: {
                          ...draft.scale,
                          levels: draft.scale.levels.map((l) =>
                            l.key === level.key ? { ...l, isGoodOrAbove: event.target.checked } : l,
                          ),
                        },
                      }))
                    }
                  />
                </>
              ),
            },
            {
              header: 'Lowest level',
              cell: (level, index) => (
                <>
                  <input
                    type="radio"
                    name="lowest-level"
                    className="h-5 w-5"
                    aria-label={`${level.label || `Level ${index + 1}`} is the lowest level`}
                    checked={content.scale.lowestLevelKey === level.key}
                    onChange={() =>
                      update((draft) => ({ ...draft, scale: { ...draft.scale, lowestLevelKey: level.key } }))
                    }
                  />
                </>
              ),
            },
            {
              header: <span className="sr-only">Remove</span>,
              cell: (level, index) => (
                <>
                  <button
                    type="button"
                    className="btn btn-secondary py-1"
                    onClick={() =>
                      update((draft) => ({
                        ...draft,
                        scale: {
                          levels: draft.scale.levels.filter((l) => l.key !== level.key),
                          lowestLevelKey:
                            draft.scale.lowestLevelKey === level.key ? null : draft.scale.lowestLevelKey,
                        },
                      }))
                    }
                  >
                    Remove {level.label || `level ${index + 1}`}
                  </button>
                </>
              ),
            },
          ]}
        />
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() =>
            update((draft) => ({
              ...draft,
              scale: {
                ...draft.scale,
                levels: [...draft.scale.levels, { key: newKey('level'), label: '', isGoodOrAbove: false }],
              },
            }))
          }
        >
          Add a level
        </button>
      </section>

      <section className="space-y-4" aria-labelledby="sections-title">
        <h2 id="sections-title">Sections</h2>
        {content.sections.length === 0 && <p>No sections yet.</p>}
        {content.sections.map((section, index) => {
          const base = `section-${section.key}`;
          const name = section.title || `Section ${index + 1}`;
          return (
            <fieldset key={section.key} className="card space-y-4">
              <legend className="px-1 text-lg font-semibold">
                {index + 1}. {name}
              </legend>
              <div className="field">
                <label htmlFor={`${base}-title`} className="block font-medium">
                  Title
                </label>
                <input
                  id={`${base}-title`}
                  className="input"
                  value={section.title}
                  onChange={(event) => updateSection(index, { title: event.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${base}-guidance`} className="block font-medium">
                  Guidance for auditors
                </label>
                <textarea
                  id={`${base}-guidance`}
                  rows={3}
                  className="input"
                  value={section.guidance}
                  onChange={(event) => updateSection(index, { guidance: event.target.value })}
                />
              </div>
              {levels.map((level) => (
                <div key={level.key} className="field">
                  <label htmlFor={`${base}-descriptor-${level.key}`} className="block font-medium">
                    Descriptor: {level.label || 'unnamed level'}
                  </label>
                  <textarea
                    id={`${base}-descriptor-${level.key}`}
                    rows={2}
                    className="input"
                    value={section.descriptors[level.key] ?? ''}
                    onChange={(event) =>
                      updateSection(index, {
                        descriptors: { ...section.descriptors, [level.key]: event.target.value },
                      })
                    }
                  />
                </div>
              ))}
              {section.questions.map((question, questionIndex) => (
                <div key={question.key} className="flex items-end gap-2">
                  <div className="field grow">
                    <label htmlFor={`${base}-question-${question.key}`} className="block font-medium">
                      Question {questionIndex + 1} (yes / no / not applicable)
                    </label>
                    <input
                      id={`${base}-question-${question.key}`}
                      className="input"
                      value={question.text}
                      onChange={(event) =>
                        updateSection(index, {
                          questions: section.questions.map((q) =>
                            q.key === question.key ? { ...q, text: event.target.value } : q,
                          ),
                        })
                      }
                    />
                  </div>
                  <button
                    type="button"
                    className="btn btn-secondary"
                    onClick={() =>
                      updateSection(index, {
                        questions: section.questions.filter((q) => q.key !== question.key),
                      })
                    }
                  >
                    Remove question {questionIndex + 1}
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() =>
                  updateSection(index, { questions: [...section.questions, { key: newKey('q'), text: '' }] })
                }
              >
                Add a question to {name}
              </button>
              {props.previousSections.length > 0 && (
                <fieldset>
                  <legend className="font-medium">Replaces these sections of the previous version</legend>
                  <div className="mt-1 flex flex-wrap gap-4">
                    {props.previousSections.map((previous) => (
                      <div key={previous.key} className="flex items-center gap-2">
                        <input
                          type="checkbox"
                          id={`${base}-replaces-${previous.key}`}
                          className="h-4 w-4"
                          checked={section.replaces.includes(previous.key)}
                          onChange={(event) =>
                            updateSection(index, {
                              replaces: event.target.checked
                                ? [...section.replaces, previous.key]
                                : section.replaces.filter((key) => key !== previous.key),
                            })
                          }
                        />
                        <label htmlFor={`${base}-replaces-${previous.key}`}>{previous.title}</label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              )}
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={index === 0}
                  onClick={() =>
                    update((draft) => ({ ...draft, sections: move(draft.sections, index, index - 1) }))
                  }
                >
                  Move {name} up
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={index === content.sections.length - 1}
                  onClick={() =>
                    update((draft) => ({ ...draft, sections: move(draft.sections, index, index + 1) }))
                  }
                >
                  Move {name} down
                </button>
                <button
                  type="button"
                  className="btn btn-danger"
                  onClick={() =>
                    update((draft) => ({
                      ...draft,
                      sections: draft.sections.filter((s) => s.key !== section.key),
                      overallRule:
                        draft.overallRule.kind === 'lowest-of'
                          ? {
                              kind: 'lowest-of',
                              sectionKeys: draft.overallRule.sectionKeys.filter((key) => key !== section.key),
                            }
                          : draft.overallRule,
                    }))
                  }
                >
                  Remove {name}
                </button>
              </div>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() =>
            update((draft) => ({
              ...draft,
              sections: [
                ...draft.sections,
                {
                  key: newKey('section'),
                  title: '',
                  guidance: '',
                  descriptors: {},
                  questions: [],
                  replaces: [],
                },
              ],
            }))
          }
        >
          Add a section
        </button>
      </section>

      <section className="card space-y-4" aria-labelledby="rule-title">
        <h2 id="rule-title">Suggested overall grade</h2>
        <div className="field">
          <label htmlFor="rule-kind" className="block font-medium">
            Rule
          </label>
          <select
            id="rule-kind"
            className="input"
            value={rule.kind}
            onChange={(event) => {
              const kind = event.target.value as OverallRule['kind'];
              update((draft) => ({
                ...draft,
                overallRule: kind === 'lowest-of' ? { kind, sectionKeys: [] } : { kind },
              }));
            }}
          >
            {(Object.keys(OVERALL_RULE_LABELS) as OverallRule['kind'][]).map((kind) => (
              <option key={kind} value={kind}>
                {OVERALL_RULE_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        {rule.kind === 'lowest-of' && (
          <fieldset>
            <legend className="font-medium">Sections the overall grade can be no higher than</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {content.sections.map((section, index) => (
                <div key={section.key} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    id={`rule-${section.key}`}
                    className="h-4 w-4"
                    checked={rule.sectionKeys.includes(section.key)}
                    onChange={(event) =>
                      update((draft) => ({
                        ...draft,
                        overallRule: {
                          kind: 'lowest-of',
                          sectionKeys: event.target.checked
                            ? [...rule.sectionKeys, section.key]
                            : rule.sectionKeys.filter((key) => key !== section.key),
                        },
                      }))
                    }
                  />
                  <label htmlFor={`rule-${section.key}`}>{section.title || `Section ${index + 1}`}</label>
                </div>
              ))}
            </div>
          </fieldset>
        )}
      </section>

      <section className="card space-y-4" aria-labelledby="themes-title">
        <h2 id="themes-title">Themes</h2>
        <p className="text-sm text-slate-700">Auditors tag strengths and learning points with these.</p>
        {content.themes.map((theme, index) => (
          <div key={theme.key} className="flex items-end gap-2">
            <div className="field grow">
              <label htmlFor={`theme-${theme.key}`} className="block font-medium">
                Theme {index + 1}
              </label>
              <input
                id={`theme-${theme.key}`}
                className="input"
                value={theme.label}
                onChange={(event) =>
                  update((draft) => ({
                    ...draft,
                    themes: draft.themes.map((t) =>
                      t.key === theme.key ? { ...t, label: event.target.value } : t,
                    ),
                  }))
                }
              />
            </div>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() =>
                update((draft) => ({ ...draft, themes: draft.themes.filter((t) => t.key !== theme.key) }))
              }
            >
              Remove theme {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() =>
            update((draft) => ({ ...draft, themes: [...draft.themes, { key: newKey('theme'), label: '' }] }))
          }
        >
          Add a theme
        </button>
      </section>

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-300 bg-slate-50 py-4">
        <button type="button" className="btn btn-primary" disabled={pending} onClick={() => void save()}>
          {pending ? 'Working…' : 'Save draft'}
        </button>
        <a href={`/thresholds/${props.versionId}`} className="btn btn-secondary">
          Preview as an auditor
        </a>
        <button type="button" className="btn btn-primary" disabled={pending} onClick={() => void publish()}>
          Publish
        </button>
        <p className="text-sm text-slate-700">{dirty ? 'Unsaved changes' : 'All changes saved'}</p>
      </div>
    </div>
  );
}

function move<T>(list: T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}
