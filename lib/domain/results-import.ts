// Validates a CSV of the results of a past audit (one graded case per row)
// before anything is written. Pure: the caller passes the audit's scale and
// rubric and what already exists; nothing is written unless every row is good.
import { AUDIT_KIND_LABELS, LAW_TYPE_LABELS, type AuditKind, type LawType } from './audits';
import { isCalendarDate } from './dates';
import { CHILDREN_SEEN_LABELS, type ChildrenSeen } from './grading';
import type { QaColumns } from './local-indicators';
import type { ImportProblem } from './practitioner-import';
import { EMPLOYMENT_LABELS, type Employment } from './roles';
import { describeTextProblem, looksLikeFormula, textProblem } from './text';

export const RESULT_COLUMNS = [
  'case_ref',
  'service_area',
  'practitioner_ref',
  'employment',
  'law_type',
  'overall_grade',
  'children_seen',
] as const;
export const OPTIONAL_RESULT_COLUMNS = [
  'team',
  'performance_band',
  'eit',
  // Past local audits (seed 003): what kind of audit, who audited, when, and the QA indicators.
  'kind',
  'auditor',
  'date',
  ...(['collaborative', 'family_feedback', 'oversight_expected', 'oversight_recorded'] as const),
  ...(['supervision_recorded', 'supervision_impact'] as const),
] as const;

/** The indicator columns and the case_audit.qa_* indicator each fills. */
export const INDICATOR_COLUMNS = {
  collaborative: 'collaborative',
  family_feedback: 'familyFeedback',
  oversight_expected: 'managementOversightExpected',
  oversight_recorded: 'managementOversight',
  supervision_recorded: 'supervision',
  supervision_impact: 'supervisionImpact',
} as const satisfies Record<string, keyof QaColumns>;
type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

/** The kinds of audit whose past results come in through the import. */
export const IMPORTED_KINDS = [
  'LOCAL_QUALITY_IMPACT',
  'NATIONAL_PRACTICE_QUALITY',
  'PERFORMANCE_BOARD',
] as const satisfies AuditKind[];
export type ImportedKind = (typeof IMPORTED_KINDS)[number];
export const MAX_RESULT_ROWS = 200_000;

type Column = (typeof RESULT_COLUMNS)[number] | (typeof OPTIONAL_RESULT_COLUMNS)[number];

export type ResultsLookup = {
  levels: { key: string; label: string }[]; // the audit's scale, highest first
  sectionKeys: string[]; // the audit rubric's section keys
  serviceAreaIdByCode: Map<string, string>; // lower-case area code → id
  teamIdByAreaAndName: Map<string, string>; // `${areaId}\u0000${lower-case team name}` → id
  practitionerByReference: Map<string, { id: string; serviceAreaId: string; employment: Employment }>; // lower-case reference
  caseRefsAlreadyInAudit: Set<string>; // lower-case case refs already graded in this audit
  /** The audit's kind when it exists; null when the import creates it. */
  auditKind?: AuditKind | null;
  userIdByEmail?: Map<string, string>; // lower-case email of an active user → id (the auditor column)
  /** yyyy-mm-dd: an audit date after it is refused. */
  today?: string;
};

export type ResultRow = {
  line: number;
  caseRef: string;
  serviceAreaId: string;
  teamId: string | null;
  practitionerRef: string;
  /** null: a practitioner not yet known, created when the import is confirmed. */
  practitionerId: string | null;
  employment: Employment;
  lawType: LawType;
  isEit: boolean;
  overallGrade: string; // level key
  childrenSeen: ChildrenSeen;
  performanceBand: string | null;
  sectionGrades: Record<string, string>; // section key → level key; only graded sections
  /** Who graded it (a user), or null: the person importing. */
  auditorId: string | null;
  /** yyyy-mm-dd the case was audited on, or null: the day of the import. */
  auditedOn: string | null;
  /** The indicators as recorded; null where the file leaves them blank. */
  qa: QaColumns;
};

export type UnknownPractitioner = {
  reference: string;
  serviceAreaId: string;
  teamId: string | null;
  employment: Employment;
  performanceBand: string | null;
};

export type ResultsCheck = {
  problems: ImportProblem[];
  /** The kind of audit the rows belong to (one per file): the audit's own, or as the file says. */
  kind: AuditKind;
  rows: ResultRow[];
  unknownPractitioners: UnknownPractitioner[];
};

// Free text is stored and later exported, so it gets the formula check too.
const FREE_TEXT_LIMITS = {
  case_ref: 40,
  practitioner_ref: 40,
  team: 120,
  performance_band: 40,
} satisfies Partial<Record<Column, number>>;
// Coded cells are matched against a fixed list; the limit only keeps junk out of messages.
const CODED_LIMIT = 80;

const EMPLOYMENTS = labelsAndCodes(EMPLOYMENT_LABELS);
const LAW_TYPES = labelsAndCodes(LAW_TYPE_LABELS);
const CHILDREN_SEEN = labelsAndCodes(CHILDREN_SEEN_LABELS, normaliseChildrenSeen);
const KINDS = new Map<string, ImportedKind>([
  ...IMPORTED_KINDS.flatMap((kind) => [
    [kind.toLowerCase(), kind] as const,
    [AUDIT_KIND_LABELS[kind].toLowerCase(), kind] as const,
  ]),
  ['local quality and impact', 'LOCAL_QUALITY_IMPACT'],
  ['local quality & impact', 'LOCAL_QUALITY_IMPACT'],
  ['quality and impact', 'LOCAL_QUALITY_IMPACT'],
  ['national practice quality', 'NATIONAL_PRACTICE_QUALITY'],
  ['practice quality audit', 'NATIONAL_PRACTICE_QUALITY'],
  ['performance board', 'PERFORMANCE_BOARD'],
  ['performance board quality & impact', 'PERFORMANCE_BOARD'],
]);
const KIND_CHOICES = 'Local quality and impact, National practice quality or Performance board';

const EIT = new Map<string, boolean>([
  ...['yes', 'y', 'true', '1'].map((answer) => [answer, true] as const),
  ...['no', 'n', 'false', '0'].map((answer) => [answer, false] as const),
]);

const LAW_TYPE_CHOICES = 'Public Law, Private Law WAFH or Private Law WTFH';
const CHILDREN_SEEN_CHOICES =
  'Seen, Not seen - reason recorded, Not seen - no reason recorded, Unclear or Not applicable';

/** Lower-case label and code → code, so "Public Law" and "PUBLIC_LAW" both match. */
function labelsAndCodes<T extends string>(
  labels: Record<T, string>,
  normalise?: (label: string) => string,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    map.set(label.toLowerCase(), code);
    map.set(code.toLowerCase(), code);
    if (normalise) map.set(normalise(label), code);
  }
  return map;
}

/** "Not seen – reason recorded", "not seen - reason recorded" and "Not seen-reason recorded" read alike. */
function normaliseChildrenSeen(value: string): string {
  return value
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ');
}

type HeaderIndex = { columns: Map<Column, number>; sections: { key: string; position: number }[] };

function indexHeader(header: string[], sectionKeys: string[]): HeaderIndex & { problems: ImportProblem[] } {
  const known = new Map<string, { column: Column } | { sectionKey: string }>();
  for (const column of [...RESULT_COLUMNS, ...OPTIONAL_RESULT_COLUMNS]) known.set(column, { column });
  for (const key of sectionKeys) {
    const name = key.trim().toLowerCase();
    if (!known.has(name)) known.set(name, { sectionKey: key });
  }

  const problems: ImportProblem[] = [];
  const columns = new Map<Column, number>();
  const sections: { key: string; position: number }[] = [];
  const firstPosition = new Map<string, number>();
  header.forEach((raw, position) => {
    const name = raw.trim().toLowerCase();
    const meaning = known.get(name);
    if (!meaning) return; // extra columns are ignored
    const first = firstPosition.get(name);
    if (first !== undefined) {
      problems.push({
        line: 1,
        column: raw.trim(),
        reason: `column "${raw.trim()}" appears twice (columns ${first + 1} and ${position + 1})`,
      });
      return;
    }
    firstPosition.set(name, position);
    if ('column' in meaning) columns.set(meaning.column, position);
    else sections.push({ key: meaning.sectionKey, position });
  });
  for (const column of RESULT_COLUMNS) {
    if (!columns.has(column))
      problems.push({ line: 1, column, reason: 'required column is missing from the header' });
  }
  return { columns, sections, problems };
}

/** Problems with the header row (line 1): every missing required column, and any column given twice. */
export function checkResultsHeader(header: string[], sectionKeys: string[]): ImportProblem[] {
  return indexHeader(header, sectionKeys).problems;
}

export function validateResults(
  table: { header: string[]; rows: { line: number; cells: string[] }[] },
  lookup: ResultsLookup,
): ResultsCheck {
  const refused = (problems: ImportProblem[]): ResultsCheck => ({
    problems,
    kind: 'NATIONAL_PRACTICE_QUALITY',
    rows: [],
    unknownPractitioners: [],
  });
  // One kind per file: the audit's own when it exists, else the first row's that names one.
  const auditKind = lookup.auditKind ?? null;
  let fileKind: { kind: AuditKind; line: number } | null = auditKind ? { kind: auditKind, line: 0 } : null;
  const kindLabel = (kind: AuditKind) => AUDIT_KIND_LABELS[kind].toLowerCase();
  const { columns, sections, problems } = indexHeader(table.header, lookup.sectionKeys);
  if (problems.length > 0) return refused(problems);
  if (table.rows.length === 0) return refused([{ line: 2, column: '-', reason: 'the file has no rows' }]);
  if (table.rows.length > MAX_RESULT_ROWS) {
    return refused([
      {
        line: MAX_RESULT_ROWS + 2,
        column: '-',
        reason: `too many rows (${table.rows.length.toLocaleString('en-GB')}; at most ${MAX_RESULT_ROWS.toLocaleString('en-GB')} per file)`,
      },
    ]);
  }

  const levelKeyByName = new Map<string, string>();
  for (const level of lookup.levels) levelKeyByName.set(level.label.trim().toLowerCase(), level.key);
  for (const level of lookup.levels) levelKeyByName.set(level.key.toLowerCase(), level.key); // a key wins over a label
  const scaleNames = lookup.levels.map((level) => level.label).join(', ');
  const areaCodeById = new Map<string, string>();
  for (const [code, id] of lookup.serviceAreaIdByCode) if (!areaCodeById.has(id)) areaCodeById.set(id, code);

  // Only the indicator columns the file has are read on each row.
  const indicatorColumns = (Object.entries(INDICATOR_COLUMNS) as [IndicatorColumn, keyof QaColumns][]).filter(
    ([column]) => columns.has(column),
  );
  const firstLineByCaseRef = new Map<string, number>();
  const unknown = new Map<string, UnknownPractitioner & { line: number; areaCode: string }>();
  const rows: ResultRow[] = [];

  const findArea = (value: string) => lookup.serviceAreaIdByCode.get(value.toLowerCase());
  const findEmployment = (value: string) => EMPLOYMENTS.get(value.toLowerCase());
  const findLawType = (value: string) => LAW_TYPES.get(value.toLowerCase());
  const findLevel = (value: string) => levelKeyByName.get(value.toLowerCase());
  const findChildrenSeen = (value: string) =>
    CHILDREN_SEEN.get(value.toLowerCase()) ?? CHILDREN_SEEN.get(normaliseChildrenSeen(value));
  const findEit = (value: string) => EIT.get(value.toLowerCase());
  const findKind = (value: string) => KINDS.get(value.toLowerCase().replace(/\s+/g, ' '));
  const findAuditor = (value: string) => lookup.userIdByEmail?.get(value.toLowerCase());
  const findDate = (value: string) =>
    isCalendarDate(value) && (lookup.today === undefined || value <= lookup.today) ? value : undefined;
  const notOnScale = (value: string) => `"${value}" is not a grade on this audit's scale (${scaleNames})`;

  for (const row of table.rows) {
    const before = problems.length;
    const report = (column: string, reason: string) => problems.push({ line: row.line, column, reason });
    const raw = (position: number | undefined): string =>
      position === undefined ? '' : (row.cells[position] ?? '');
    /** Free text, trimmed: '' when blank and allowed; null when refused (already reported). */
    const text = (column: keyof typeof FREE_TEXT_LIMITS, required: boolean): string | null => {
      const cell = raw(columns.get(column));
      const limit = FREE_TEXT_LIMITS[column];
      if (cell.length > 0 && looksLikeFormula(cell)) {
        report(column, describeTextProblem('formula', limit, cell.length));
        return null;
      }
      const value = cell.trim();
      const problem = textProblem(value, { maxLength: limit, required });
      if (problem) {
        report(column, describeTextProblem(problem, limit, value.length));
        return null;
      }
      return value;
    };
    /** A value from a fixed list: what it stands for, or null when blank or refused (refusal reported). */
    const coded = <T>(
      column: string,
      position: number | undefined,
      required: boolean,
      find: (value: string) => T | undefined,
      refuse: (value: string) => string,
    ): T | null => {
      const value = raw(position).trim();
      if (value === '') {
        if (required) report(column, describeTextProblem('empty', CODED_LIMIT, 0));
        return null;
      }
      const found = find(value);
      if (found !== undefined) return found; // a listed value is short and has no control characters
      const problem = textProblem(value, { maxLength: CODED_LIMIT, required });
      report(column, problem ? describeTextProblem(problem, CODED_LIMIT, value.length) : refuse(value));
      return null;
    };

    const caseRef = text('case_ref', true);
    if (caseRef) {
      const key = caseRef.toLowerCase();
      const first = firstLineByCaseRef.get(key);
      if (first !== undefined)
        report('case_ref', `case "${caseRef}" is already on line ${first} of this file`);
      else {
        firstLineByCaseRef.set(key, row.line);
        if (lookup.caseRefsAlreadyInAudit.has(key))
          report('case_ref', `case "${caseRef}" already has a result in this audit`);
      }
    }

    const areaCode = raw(columns.get('service_area')).trim();
    const serviceAreaId = coded(
      'service_area',
      columns.get('service_area'),
      true,
      findArea,
      (value) => `unknown service area "${value}"`,
    );
    const teamName = text('team', false);
    let teamId: string | null = null;
    if (serviceAreaId && teamName) {
      teamId = lookup.teamIdByAreaAndName.get(`${serviceAreaId}\u0000${teamName.toLowerCase()}`) ?? null;
      if (!teamId) report('team', `no team "${teamName}" in service area ${areaCode}`);
    }

    const practitionerRef = text('practitioner_ref', true);
    const employment = coded(
      'employment',
      columns.get('employment'),
      true,
      findEmployment,
      (value) => `must be Employed or Agency, not "${value}"`,
    );
    const practitioner = practitionerRef
      ? lookup.practitionerByReference.get(practitionerRef.toLowerCase())
      : undefined;
    if (practitionerRef && practitioner && serviceAreaId && practitioner.serviceAreaId !== serviceAreaId) {
      const home = areaCodeById.get(practitioner.serviceAreaId) ?? 'another service area';
      report(
        'practitioner_ref',
        `practitioner "${practitionerRef}" works in service area ${home}, not ${areaCode}`,
      );
    }
    const lawType = coded(
      'law_type',
      columns.get('law_type'),
      true,
      findLawType,
      (value) => `must be ${LAW_TYPE_CHOICES}, not "${value}"`,
    );
    const overallGrade = coded('overall_grade', columns.get('overall_grade'), true, findLevel, notOnScale);
    const childrenSeen = coded(
      'children_seen',
      columns.get('children_seen'),
      true,
      findChildrenSeen,
      (value) => `must be ${CHILDREN_SEEN_CHOICES}, not "${value}"`,
    );
    const band = text('performance_band', false);
    const performanceBand = band === null || band === '' ? null : band;
    // Without an eit answer, work to first hearing counts as EIT work: seed 000's
    // EIT column equals its WTFH count, and Fig. 4 leaves both out alike.
    const isEit =
      coded('eit', columns.get('eit'), false, findEit, (value) => `must be yes or no, not "${value}"`) ??
      lawType === 'PRIVATE_LAW_WTFH';
    const sectionGrades: Record<string, string> = {};
    for (const section of sections) {
      const level = coded(section.key, section.position, false, findLevel, notOnScale);
      if (level !== null) sectionGrades[section.key] = level;
    }

    const kind = coded(
      'kind',
      columns.get('kind'),
      false,
      findKind,
      (value) => `must be ${KIND_CHOICES}, not "${value}"`,
    );
    if (kind && fileKind === null) fileKind = { kind, line: row.line };
    else if (kind && fileKind && kind !== fileKind.kind)
      report(
        'kind',
        fileKind.line === 0
          ? `the audit is a ${kindLabel(fileKind.kind)}, not a ${kindLabel(kind)}`
          : `one kind of audit per file: line ${fileKind.line} is a ${kindLabel(fileKind.kind)}, this row a ${kindLabel(kind)}`,
      );
    const auditorId = coded(
      'auditor',
      columns.get('auditor'),
      false,
      findAuditor,
      (value) => `no active user has the email "${value}"`,
    );
    const auditedOn = coded('date', columns.get('date'), false, findDate, (value) =>
      isCalendarDate(value)
        ? `the audit date ${value} is in the future`
        : `must be the date audited, written yyyy-mm-dd, not "${value}"`,
    );
    const qa: QaColumns = {
      collaborative: null,
      familyFeedback: null,
      managementOversightExpected: null,
      managementOversight: null,
      supervision: null,
      supervisionImpact: null,
    };
    for (const [column, indicator] of indicatorColumns)
      qa[indicator] = coded(
        column,
        columns.get(column),
        false,
        findEit,
        (value) => `must be yes, no or blank, not "${value}"`,
      );
    if (qa.supervisionImpact !== null && qa.supervision !== true)
      report(
        'supervision_impact',
        'whether supervision had an impact applies only when supervision_recorded is yes',
      );

    if (practitionerRef && !practitioner && serviceAreaId) {
      const key = practitionerRef.toLowerCase();
      const first = unknown.get(key);
      if (first && first.serviceAreaId !== serviceAreaId) {
        report(
          'practitioner_ref',
          `new practitioner "${practitionerRef}" is in service area ${first.areaCode} on line ${first.line}, not ${areaCode}`,
        );
      } else if (!first && employment) {
        unknown.set(key, {
          reference: practitionerRef,
          serviceAreaId,
          teamId,
          employment,
          performanceBand,
          line: row.line,
          areaCode,
        });
      }
    }

    if (
      problems.length > before ||
      !caseRef ||
      !serviceAreaId ||
      !practitionerRef ||
      !employment ||
      !lawType ||
      !overallGrade ||
      !childrenSeen
    ) {
      continue;
    }
    rows.push({
      line: row.line,
      caseRef,
      serviceAreaId,
      teamId,
      practitionerRef,
      practitionerId: practitioner?.id ?? null,
      employment,
      lawType,
      isEit,
      overallGrade,
      childrenSeen,
      performanceBand,
      sectionGrades,
      auditorId,
      auditedOn,
      qa,
    });
  }

  if (problems.length > 0) return refused(problems);
  return {
    problems,
    kind: fileKind?.kind ?? 'NATIONAL_PRACTICE_QUALITY',
    rows,
    unknownPractitioners: [...unknown.values()].map(({ line: _line, areaCode: _areaCode, ...rest }) => rest),
  };
}
