// A threshold document version: its grade scale, sections, themes and the
// rule that suggests an overall grade. Stored as data; every rule about it
// lives here, pure.

export type GradeLevel = {
  key: string;
  label: string;
  /** Counts towards "Good or above" targets (seed 000: "Good or above" counts as Good). */
  isGoodOrAbove: boolean;
};

export type GradeScale = {
  /** Highest first. */
  levels: GradeLevel[];
  /** The level that sends a case to area review (Not Met / Inadequate). */
  lowestLevelKey: string | null;
};

export type SectionQuestion = { key: string; text: string };

export type RubricSection = {
  key: string;
  title: string;
  guidance: string;
  /** level key → what work at that grade looks like. */
  descriptors: Record<string, string>;
  /** Yes / no / not-applicable questions. */
  questions: SectionQuestion[];
  /** Keys of the previous version's sections this one replaces, so trends stay comparable. */
  replaces: string[];
};

export type Theme = { key: string; label: string };

export type OverallRule =
  | { kind: 'lowest-of'; sectionKeys: string[] }
  | { kind: 'most-common' }
  | { kind: 'lowest-section' }
  | { kind: 'none' };

export type RubricContent = {
  scale: GradeScale;
  sections: RubricSection[];
  themes: Theme[];
  overallRule: OverallRule;
};

export const OVERALL_RULE_LABELS: Record<OverallRule['kind'], string> = {
  'lowest-of': 'No higher than the lowest of chosen sections',
  'most-common': 'The most common section grade (a tie goes to the lower grade)',
  'lowest-section': 'The lowest section grade',
  none: 'No suggestion: the auditor decides',
};

export function describeOverallRule(content: Pick<RubricContent, 'overallRule' | 'sections'>): string {
  const rule = content.overallRule;
  if (rule.kind !== 'lowest-of') return OVERALL_RULE_LABELS[rule.kind];
  const titles = rule.sectionKeys.map(
    (key) => content.sections.find((section) => section.key === key)?.title ?? key,
  );
  return `No higher than the lowest of ${titles.join(' and ')}`;
}

/** 0 is the highest level; -1 when the key is not on the scale. */
export function rankOf(scale: GradeScale, levelKey: string): number {
  return scale.levels.findIndex((level) => level.key === levelKey);
}

export function goodOrAboveKeys(scale: GradeScale): string[] {
  return scale.levels.filter((level) => level.isGoodOrAbove).map((level) => level.key);
}

export function lowestLevel(scale: GradeScale): GradeLevel | null {
  return scale.levels.find((level) => level.key === scale.lowestLevelKey) ?? null;
}

export function isLowestLevel(scale: GradeScale, levelKey: string): boolean {
  return scale.lowestLevelKey !== null && levelKey === scale.lowestLevelKey;
}

function lowestOf(scale: GradeScale, levelKeys: string[]): string | null {
  let lowest: string | null = null;
  for (const key of levelKeys) {
    if (rankOf(scale, key) < 0) continue;
    if (lowest === null || rankOf(scale, key) > rankOf(scale, lowest)) lowest = key;
  }
  return lowest;
}

/**
 * The overall grade the document's rule suggests from the section grades
 * given so far, or null when it cannot suggest one yet. The auditor decides.
 */
export function suggestOverallGrade(
  content: RubricContent,
  sectionGrades: Record<string, string | null | undefined>,
): string | null {
  const { scale, overallRule: rule } = content;
  const graded = content.sections
    .map((section) => sectionGrades[section.key])
    .filter((key): key is string => typeof key === 'string' && rankOf(scale, key) >= 0);
  switch (rule.kind) {
    case 'none':
      return null;
    case 'lowest-section':
      return graded.length === content.sections.length ? lowestOf(scale, graded) : null;
    case 'lowest-of': {
      const named = rule.sectionKeys.map((key) => sectionGrades[key]);
      if (named.length === 0 || named.some((key) => typeof key !== 'string' || rankOf(scale, key) < 0))
        return null;
      return lowestOf(scale, named as string[]);
    }
    case 'most-common': {
      if (graded.length === 0) return null;
      const counts = new Map<string, number>();
      for (const key of graded) counts.set(key, (counts.get(key) ?? 0) + 1);
      const top = Math.max(...counts.values());
      // A tie goes to the lower grade: the cautious reading.
      return lowestOf(
        scale,
        [...counts].filter(([, count]) => count === top).map(([key]) => key),
      );
    }
  }
}

/** Everything that stops a draft being published, in words an author can act on. */
export function publishProblems(content: RubricContent, previous: RubricContent | null): string[] {
  const problems: string[] = [];
  const { scale } = content;
  const levelKeys = scale.levels.map((level) => level.key);
  if (scale.levels.length < 2) problems.push('The grade scale needs at least two levels.');
  for (const [index, level] of scale.levels.entries()) {
    if (level.label.trim() === '') problems.push(`Grade level ${index + 1} has no name.`);
  }
  const duplicateLabels = duplicates(
    scale.levels.map((level) => level.label.trim().toLowerCase()).filter(Boolean),
  );
  for (const label of duplicateLabels) problems.push(`The grade scale has "${label}" more than once.`);
  if (scale.lowestLevelKey === null)
    problems.push('The grade scale has no lowest level (the one that sends a case to area review).');
  else if (!levelKeys.includes(scale.lowestLevelKey))
    problems.push('The lowest level is not on the grade scale.');
  else if (scale.levels.at(-1)?.key !== scale.lowestLevelKey)
    problems.push('The lowest level must be the last level of the scale.');
  if (!scale.levels.some((level) => level.isGoodOrAbove))
    problems.push('No grade level counts as "Good or above".');
  const lowest = lowestLevel(scale);
  if (lowest?.isGoodOrAbove)
    problems.push(`The lowest level "${lowest.label}" cannot count as "Good or above".`);
  // Good-or-above must be a top band: no gap above a counted level.
  const firstNotGood = scale.levels.findIndex((level) => !level.isGoodOrAbove);
  if (firstNotGood >= 0 && scale.levels.slice(firstNotGood).some((level) => level.isGoodOrAbove)) {
    problems.push(
      '"Good or above" levels must be the top levels of the scale, with none below a level that does not count.',
    );
  }

  if (content.sections.length === 0) problems.push('The document has no sections.');
  for (const title of duplicates(
    content.sections.map((section) => section.title.trim().toLowerCase()).filter(Boolean),
  )) {
    problems.push(`Two sections are called "${title}".`);
  }
  const previousKeys = new Set(previous?.sections.map((section) => section.key) ?? []);
  for (const [index, section] of content.sections.entries()) {
    const name = section.title.trim() === '' ? `Section ${index + 1}` : `Section "${section.title}"`;
    if (section.title.trim() === '') problems.push(`Section ${index + 1} has no title.`);
    if (section.guidance.trim() === '') problems.push(`${name} has no guidance.`);
    for (const level of scale.levels) {
      if ((section.descriptors[level.key] ?? '').trim() === '')
        problems.push(`${name} has no descriptor for "${level.label || 'an unnamed level'}".`);
    }
    for (const [questionIndex, question] of section.questions.entries()) {
      if (question.text.trim() === '') problems.push(`${name}, question ${questionIndex + 1} has no text.`);
    }
    for (const replaced of section.replaces) {
      if (!previousKeys.has(replaced))
        problems.push(`${name} replaces a section that is not in the previous version.`);
    }
  }

  if (content.themes.length === 0)
    problems.push('The document has no themes for strengths and learning points.');
  for (const [index, theme] of content.themes.entries()) {
    if (theme.label.trim() === '') problems.push(`Theme ${index + 1} has no name.`);
  }
  for (const label of duplicates(
    content.themes.map((theme) => theme.label.trim().toLowerCase()).filter(Boolean),
  )) {
    problems.push(`The theme "${label}" appears more than once.`);
  }

  const rule = content.overallRule;
  if (rule.kind === 'lowest-of') {
    if (rule.sectionKeys.length === 0) problems.push('The overall-grade rule names no sections.');
    const sectionKeys = new Set(content.sections.map((section) => section.key));
    if (rule.sectionKeys.some((key) => !sectionKeys.has(key)))
      problems.push('The overall-grade rule names a section that is not in the document.');
  }
  return problems;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/** A new version starts as a copy of the last, each section replacing itself. */
export function draftFromPrevious(previous: RubricContent): RubricContent {
  return {
    scale: {
      levels: previous.scale.levels.map((level) => ({ ...level })),
      lowestLevelKey: previous.scale.lowestLevelKey,
    },
    sections: previous.sections.map((section) => ({
      ...section,
      descriptors: { ...section.descriptors },
      questions: section.questions.map((question) => ({ ...question })),
      replaces: [section.key],
    })),
    themes: previous.themes.map((theme) => ({ ...theme })),
    overallRule: structuredCloneRule(previous.overallRule),
  };
}

function structuredCloneRule(rule: OverallRule): OverallRule {
  return rule.kind === 'lowest-of' ? { kind: 'lowest-of', sectionKeys: [...rule.sectionKeys] } : { ...rule };
}

/**
 * For trends across versions: each section of the newer version with the
 * sections of the older one it stands for. A section that replaces nothing is new.
 */
export function sectionLineage(next: RubricContent): { key: string; title: string; replaces: string[] }[] {
  return next.sections.map((section) => ({
    key: section.key,
    title: section.title,
    replaces: [...section.replaces],
  }));
}

/** Previous-version section key → the newer sections that carry it on. */
export function successorsOf(next: RubricContent): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const section of next.sections) {
    for (const replaced of section.replaces)
      successors.set(replaced, [...(successors.get(replaced) ?? []), section.key]);
  }
  return successors;
}

export const THREE_POINT_SCALE: GradeScale = {
  levels: [
    { key: 'good', label: 'Good', isGoodOrAbove: true },
    { key: 'met', label: 'Met', isGoodOrAbove: false },
    { key: 'not-met', label: 'Not Met', isGoodOrAbove: false },
  ],
  lowestLevelKey: 'not-met',
};

export const FOUR_POINT_SCALE: GradeScale = {
  levels: [
    { key: 'outstanding', label: 'Outstanding', isGoodOrAbove: true },
    { key: 'good', label: 'Good', isGoodOrAbove: true },
    { key: 'requires-improvement', label: 'Requires Improvement', isGoodOrAbove: false },
    { key: 'inadequate', label: 'Inadequate', isGoodOrAbove: false },
  ],
  lowestLevelKey: 'inadequate',
};

/** A blank draft on a standard scale: one section and theme to fill in. */
export function blankRubric(scale: GradeScale): RubricContent {
  return {
    scale: { levels: scale.levels.map((level) => ({ ...level })), lowestLevelKey: scale.lowestLevelKey },
    sections: [],
    themes: [],
    overallRule: { kind: 'most-common' },
  };
}
