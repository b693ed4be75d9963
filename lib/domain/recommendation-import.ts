// Validates a file of recommendations, one row each, naming its source. A
// source new to Threshold is described on its first row (later rows for it may
// leave those columns blank, or must agree); a source already in Threshold is
// named by title alone and its details stay as they are. Pure: the caller
// passes what exists. Nothing is written unless every row is good.
import { parseFiledDate } from './case-file-import';
import { LAW_TYPES, LAW_TYPE_LABELS, type LawType } from './audits';
import {
  JUDGEMENT_SCALES,
  JUDGEMENT_SCALE_LABELS,
  RECOMMENDATION_KINDS,
  RECOMMENDATION_KIND_LABELS,
  SOURCE_KINDS,
  SOURCE_KIND_LABELS,
  sourceAreaProblem,
  type JudgementScale,
  type RecommendationKind,
  type SourceKind,
} from './improvement';
import type { ImportProblem } from './practitioner-import';
import { describeTextProblem, looksLikeFormula, textProblem } from './text';

export const RECOMMENDATION_IMPORT_COLUMNS = [
  'source_title',
  'source_kind',
  'issued_by',
  'issued_on',
  'scale',
  'source_area',
  'document',
  'number',
  'text',
  'kind',
  'scope_areas',
  'law_types',
  'owner_email',
  'due_on',
] as const;
type Column = (typeof RECOMMENDATION_IMPORT_COLUMNS)[number];
export const REQUIRED_RECOMMENDATION_IMPORT_COLUMNS = ['source_title', 'number', 'text'] as const;
export const MAX_RECOMMENDATION_IMPORT_ROWS = 2_000;

const LIMITS: Record<Column, number> = {
  source_title: 200,
  source_kind: 40,
  issued_by: 200,
  issued_on: 10,
  scale: 80,
  source_area: 40,
  document: 500,
  number: 20,
  text: 4000,
  kind: 40,
  scope_areas: 400,
  law_types: 120,
  owner_email: 254,
  due_on: 10,
};

export type ImportedSource = {
  title: string;
  kind: SourceKind;
  issuedBy: string;
  issuedOn: string;
  scale: JudgementScale;
  serviceAreaId: string | null;
  document: string;
};

export type ImportedRecommendation = {
  line: number;
  sourceTitle: string;
  number: string;
  text: string;
  kind: RecommendationKind;
  serviceAreaIds: string[];
  lawTypes: LawType[];
  ownerId: string | null;
  dueOn: string | null;
};

export type RecommendationImportLookup = {
  /** lower-case title → the existing source's id */
  sourceIdByTitle: Map<string, string>;
  /** lower-case area code → id */
  areaIdByCode: Map<string, string>;
  /** lower-case email → active user id */
  userIdByEmail: Map<string, string>;
};

/** A value matched by its code or its label, whatever the case and spacing. */
function choice<T extends string>(value: string, values: readonly T[], labels: Record<T, string>): T | null {
  const wanted = value
    .trim()
    .toLowerCase()
    .replace(/[\s_/-]+/g, ' ');
  return (
    values.find(
      (option) =>
        option.toLowerCase().replace(/_/g, ' ') === wanted ||
        labels[option].toLowerCase().replace(/[\s_/-]+/g, ' ') === wanted,
    ) ?? null
  );
}

const listOf = (value: string) =>
  value
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

export function checkRecommendationHeader(header: string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (seen.has(name))
      problems.push({ line: 1, column: raw, reason: `column "${raw}" appears twice (column ${index + 1})` });
    seen.add(name);
  });
  for (const required of REQUIRED_RECOMMENDATION_IMPORT_COLUMNS)
    if (!seen.has(required))
      problems.push({ line: 1, column: required, reason: 'required column is missing from the header' });
  return problems;
}

export function validateRecommendationRows(
  header: string[],
  rows: { line: number; cells: string[] }[],
  lookup: RecommendationImportLookup,
): { sources: ImportedSource[]; recommendations: ImportedRecommendation[]; problems: ImportProblem[] } {
  const none = { sources: [], recommendations: [] };
  const problems = checkRecommendationHeader(header);
  if (problems.length > 0) return { ...none, problems };
  if (rows.length === 0)
    return { ...none, problems: [{ line: 2, column: '-', reason: 'the file has no recommendation rows' }] };
  if (rows.length > MAX_RECOMMENDATION_IMPORT_ROWS)
    return {
      ...none,
      problems: [
        {
          line: MAX_RECOMMENDATION_IMPORT_ROWS + 2,
          column: '-',
          reason: `too many rows (${rows.length.toLocaleString('en-GB')}; at most ${MAX_RECOMMENDATION_IMPORT_ROWS.toLocaleString('en-GB')} per file)`,
        },
      ],
    };
  const index = new Map(header.map((name, position) => [name.trim().toLowerCase(), position]));
  const newSources = new Map<string, ImportedSource & { line: number }>();
  const firstLineByNumber = new Map<string, number>();
  const recommendations: ImportedRecommendation[] = [];

  for (const row of rows) {
    const report = (column: Column, reason: string) => problems.push({ line: row.line, column, reason });
    const before = problems.length;
    const text = (column: Column, required = false, multiline = false): string => {
      const position = index.get(column);
      const raw = position === undefined ? '' : (row.cells[position] ?? '');
      if (raw.length > 0 && looksLikeFormula(raw)) {
        report(column, describeTextProblem('formula', LIMITS[column], raw.length));
        return '';
      }
      const value = raw.trim();
      const problem = textProblem(value, { maxLength: LIMITS[column], required, multiline });
      if (problem) {
        report(column, describeTextProblem(problem, LIMITS[column], value.length));
        return '';
      }
      return value;
    };
    const date = (column: Column): string | null => {
      const value = text(column);
      if (!value) return null;
      const parsed = parseFiledDate(value);
      if (!parsed) report(column, `"${value}" is not a real date (use yyyy-mm-dd or dd/mm/yyyy)`);
      return parsed;
    };
    const area = (column: Column, code: string): string | null => {
      const id = lookup.areaIdByCode.get(code.toLowerCase()) ?? null;
      if (!id) report(column, `unknown service area "${code}"`);
      return id;
    };

    const sourceTitle = text('source_title', true);
    const sourceKindText = text('source_kind');
    const issuedBy = text('issued_by');
    const issuedOn = date('issued_on');
    const scaleText = text('scale');
    const sourceAreaCode = text('source_area');
    const document = text('document');
    const number = text('number', true);
    const recommendationText = text('text', true, true);
    const kindText = text('kind');
    const scopeAreas = listOf(text('scope_areas'));
    const lawTypeTexts = listOf(text('law_types'));
    const ownerEmail = text('owner_email');
    const dueOn = date('due_on');

    const kind = kindText
      ? choice(kindText, RECOMMENDATION_KINDS, RECOMMENDATION_KIND_LABELS)
      : 'RECOMMENDATION';
    if (!kind) report('kind', `must be Recommendation or Practice improvement point, not "${kindText}"`);
    const serviceAreaIds = scopeAreas.flatMap((code) => area('scope_areas', code) ?? []);
    const lawTypes = lawTypeTexts.flatMap((value) => {
      const lawType = choice(value, LAW_TYPES, LAW_TYPE_LABELS);
      if (!lawType)
        report('law_types', `unknown law type "${value}" (Public Law, Private Law WAFH, Private Law WTFH)`);
      return lawType ?? [];
    });
    let ownerId: string | null = null;
    if (ownerEmail) {
      ownerId = lookup.userIdByEmail.get(ownerEmail.toLowerCase()) ?? null;
      if (!ownerId) report('owner_email', `no active user with email "${ownerEmail}"`);
    }

    if (sourceTitle) {
      const key = sourceTitle.toLowerCase();
      const described = sourceKindText || issuedBy || issuedOn || scaleText || sourceAreaCode || document;
      if (!lookup.sourceIdByTitle.has(key)) {
        const first = newSources.get(key);
        if (!first) {
          const sourceKind = sourceKindText ? choice(sourceKindText, SOURCE_KINDS, SOURCE_KIND_LABELS) : null;
          if (!sourceKindText) report('source_kind', `is required for the new source "${sourceTitle}"`);
          else if (!sourceKind)
            report(
              'source_kind',
              `must be Inspection, Review, Audit key learning or Area improvement plan, not "${sourceKindText}"`,
            );
          if (!issuedBy) report('issued_by', `is required for the new source "${sourceTitle}"`);
          if (!issuedOn && !problems.some((p) => p.line === row.line && p.column === 'issued_on'))
            report('issued_on', `is required for the new source "${sourceTitle}"`);
          const scale = scaleText ? choice(scaleText, JUDGEMENT_SCALES, JUDGEMENT_SCALE_LABELS) : null;
          if (!scaleText) report('scale', `is required for the new source "${sourceTitle}"`);
          else if (!scale)
            report(
              'scale',
              `must be Met / ongoing, Satisfactory / inadequate progress or the inspection scale, not "${scaleText}"`,
            );
          const serviceAreaId = sourceAreaCode ? area('source_area', sourceAreaCode) : null;
          if (sourceKind) {
            const areaProblem = sourceAreaProblem(
              sourceKind,
              sourceAreaCode ? (serviceAreaId ?? 'unknown') : null,
            );
            if (areaProblem) report('source_area', areaProblem);
          }
          if (sourceKind && issuedBy && issuedOn && scale)
            newSources.set(key, {
              line: row.line,
              title: sourceTitle,
              kind: sourceKind,
              issuedBy,
              issuedOn,
              scale,
              serviceAreaId,
              document,
            });
        } else if (described) {
          const differs =
            (sourceKindText && choice(sourceKindText, SOURCE_KINDS, SOURCE_KIND_LABELS) !== first.kind) ||
            (issuedBy && issuedBy !== first.issuedBy) ||
            (issuedOn && issuedOn !== first.issuedOn) ||
            (scaleText && choice(scaleText, JUDGEMENT_SCALES, JUDGEMENT_SCALE_LABELS) !== first.scale) ||
            (sourceAreaCode &&
              lookup.areaIdByCode.get(sourceAreaCode.toLowerCase()) !== first.serviceAreaId) ||
            (document && document !== first.document);
          if (differs)
            report(
              'source_title',
              `describes "${sourceTitle}" differently from line ${first.line}; leave the source columns blank or make them agree`,
            );
        }
      }
      if (number) {
        const numberKey = `${key}\u0000${number.toLowerCase()}`;
        const firstLine = firstLineByNumber.get(numberKey);
        if (firstLine !== undefined)
          report(
            'number',
            `"${sourceTitle}" has recommendation ${number} twice (first on line ${firstLine})`,
          );
        else firstLineByNumber.set(numberKey, row.line);
      }
    }

    if (problems.length === before && sourceTitle && number && recommendationText && kind)
      recommendations.push({
        line: row.line,
        sourceTitle,
        number,
        text: recommendationText,
        kind,
        serviceAreaIds: [...new Set(serviceAreaIds)],
        lawTypes: [...new Set(lawTypes)],
        ownerId,
        dueOn,
      });
  }
  if (problems.length > 0) return { ...none, problems };
  return {
    sources: [...newSources.values()].map(({ line: _line, ...source }) => source),
    recommendations,
    problems,
  };
}
