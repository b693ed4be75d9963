// Validates a case-file index (one row per filed document) before anything is
// written. Pure: the caller passes what exists and today's date.
import { isCalendarDate } from './dates';
import { describeTextProblem, looksLikeFormula, textProblem } from './text';
import type { ImportProblem } from './practitioner-import';
import type { LawType } from './audits';

export const CASE_INDEX_COLUMNS = [
  'case_reference',
  'service_area',
  'team',
  'practitioner_ref',
  'law_type',
  'document_type',
  'filed_date',
  'eit',
  'subject_children',
] as const;
type Column = (typeof CASE_INDEX_COLUMNS)[number];
const OPTIONAL: ReadonlySet<Column> = new Set(['team']);
export const MAX_CASE_INDEX_ROWS = 200_000;

export type CaseIndexLookup = {
  today: string; // yyyy-mm-dd
  serviceAreaIdByCode: Map<string, string>; // lower-case code
  teamIdByAreaAndName: Map<string, string>; // `${areaId}\u0000${lower-case name}`
  practitionerByReference: Map<string, { id: string; serviceAreaId: string; areaCode: string }>; // lower-case reference
  existingCaseByReference: Map<
    string,
    { serviceAreaId: string; practitionerId: string; lawType: LawType; isEit: boolean }
  >;
};

export type CaseFileRow = {
  reference: string;
  serviceAreaId: string;
  teamId: string | null;
  practitionerId: string;
  lawType: LawType;
  isEit: boolean;
  subjectChildren: number;
};
export type FiledDocumentRow = { caseReference: string; documentType: string; filedOn: string };

const LAW_TYPES: Record<string, LawType> = {
  'public law': 'PUBLIC_LAW',
  public_law: 'PUBLIC_LAW',
  'private law wafh': 'PRIVATE_LAW_WAFH',
  private_law_wafh: 'PRIVATE_LAW_WAFH',
  'private law wtfh': 'PRIVATE_LAW_WTFH',
  private_law_wtfh: 'PRIVATE_LAW_WTFH',
};
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** yyyy-mm-dd or the UK's dd/mm/yyyy, as yyyy-mm-dd; null when not a real date. */
export function parseFiledDate(value: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : value;
  return isCalendarDate(iso) ? iso : null;
}

const LIMITS: Record<Column, number> = {
  case_reference: 40,
  service_area: 40,
  team: 120,
  practitioner_ref: 40,
  law_type: 40,
  document_type: 80,
  filed_date: 10,
  eit: 5,
  subject_children: 2,
};

export function validateCaseIndex(
  header: string[],
  rows: { line: number; cells: string[] }[],
  lookup: CaseIndexLookup,
): { caseFiles: CaseFileRow[]; documents: FiledDocumentRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const index = new Map<string, number>();
  header.forEach((raw, position) => {
    const name = raw.trim().toLowerCase();
    if (index.has(name)) problems.push({ line: 1, column: raw, reason: `column "${raw}" appears twice` });
    index.set(name, position);
  });
  for (const column of CASE_INDEX_COLUMNS) {
    if (!OPTIONAL.has(column) && !index.has(column))
      problems.push({ line: 1, column, reason: 'required column is missing from the header' });
  }
  if (problems.length > 0) return { caseFiles: [], documents: [], problems };
  if (rows.length === 0)
    return {
      caseFiles: [],
      documents: [],
      problems: [{ line: 2, column: '-', reason: 'the file has no rows' }],
    };
  if (rows.length > MAX_CASE_INDEX_ROWS) {
    return {
      caseFiles: [],
      documents: [],
      problems: [
        {
          line: MAX_CASE_INDEX_ROWS + 2,
          column: '-',
          reason: `too many rows (${rows.length.toLocaleString('en-GB')}; at most ${MAX_CASE_INDEX_ROWS.toLocaleString('en-GB')} per file)`,
        },
      ],
    };
  }

  const cases = new Map<string, CaseFileRow & { line: number }>();
  const documents: FiledDocumentRow[] = [];
  const documentLines = new Map<string, number>();

  for (const row of rows) {
    const before = problems.length;
    const report = (column: Column | '-', reason: string) =>
      problems.push({ line: row.line, column, reason });
    const cell = (column: Column): string | null => {
      const position = index.get(column);
      const raw = position === undefined ? '' : (row.cells[position] ?? '');
      if (raw.length > 0 && looksLikeFormula(raw)) {
        report(column, describeTextProblem('formula', LIMITS[column], raw.length));
        return null;
      }
      const value = raw.trim();
      const problem = textProblem(value, { maxLength: LIMITS[column], required: !OPTIONAL.has(column) });
      if (problem) {
        report(column, describeTextProblem(problem, LIMITS[column], value.length));
        return null;
      }
      return value;
    };

    const reference = cell('case_reference');
    const areaCode = cell('service_area');
    const teamName = cell('team');
    const practitionerRef = cell('practitioner_ref');
    const lawTypeText = cell('law_type');
    const documentType = cell('document_type');
    const dateText = cell('filed_date');
    const eitText = cell('eit');
    const childrenText = cell('subject_children');

    const serviceAreaId = areaCode ? (lookup.serviceAreaIdByCode.get(areaCode.toLowerCase()) ?? null) : null;
    if (areaCode && !serviceAreaId) report('service_area', `unknown service area "${areaCode}"`);
    let teamId: string | null = null;
    if (serviceAreaId && teamName) {
      teamId = lookup.teamIdByAreaAndName.get(`${serviceAreaId}\u0000${teamName.toLowerCase()}`) ?? null;
      if (!teamId) report('team', `no team "${teamName}" in service area ${areaCode ?? ''}`);
    }
    const practitioner = practitionerRef
      ? lookup.practitionerByReference.get(practitionerRef.toLowerCase())
      : undefined;
    if (practitionerRef && !practitioner)
      report('practitioner_ref', `unknown practitioner "${practitionerRef}"`);
    if (practitioner && serviceAreaId && practitioner.serviceAreaId !== serviceAreaId) {
      report(
        'practitioner_ref',
        `practitioner ${practitionerRef ?? ''} works in ${practitioner.areaCode}, not ${areaCode ?? ''}`,
      );
    }
    const lawType = lawTypeText ? LAW_TYPES[lawTypeText.toLowerCase()] : undefined;
    if (lawTypeText && !lawType)
      report('law_type', `must be Public Law, Private Law WAFH or Private Law WTFH, not "${lawTypeText}"`);
    let filedOn: string | null = null;
    if (dateText) {
      filedOn = parseFiledDate(dateText);
      if (!filedOn) report('filed_date', `"${dateText}" is not a real date (use yyyy-mm-dd or dd/mm/yyyy)`);
      else if (filedOn > lookup.today) report('filed_date', `${filedOn} is in the future`);
    }
    let isEit: boolean | null = null;
    if (eitText) {
      if (YES.has(eitText.toLowerCase())) isEit = true;
      else if (NO.has(eitText.toLowerCase())) isEit = false;
      else report('eit', `must be yes or no, not "${eitText}"`);
    }
    let subjectChildren: number | null = null;
    if (childrenText) {
      subjectChildren = /^\d{1,2}$/.test(childrenText) ? Number(childrenText) : null;
      if (subjectChildren === null || subjectChildren > 30) {
        report('subject_children', `must be a whole number from 0 to 30, not "${childrenText}"`);
        subjectChildren = null;
      }
    }

    if (
      problems.length > before ||
      !reference ||
      !serviceAreaId ||
      !practitioner ||
      !lawType ||
      !documentType ||
      !filedOn ||
      isEit === null ||
      subjectChildren === null
    ) {
      continue;
    }
    const documentKey = `${reference.toLowerCase()}\u0000${documentType.toLowerCase()}\u0000${filedOn}`;
    const firstLine = documentLines.get(documentKey);
    if (firstLine !== undefined) {
      report('-', `duplicate of line ${firstLine}: the same document of the same case filed on the same day`);
      continue;
    }
    documentLines.set(documentKey, row.line);

    const caseFile = {
      reference,
      serviceAreaId,
      teamId,
      practitionerId: practitioner.id,
      lawType,
      isEit,
      subjectChildren,
      line: row.line,
    };
    const seen = cases.get(reference.toLowerCase());
    if (seen) {
      const clash = caseClash(seen, caseFile);
      if (clash) {
        report(clash.column, `case ${reference} has ${clash.what} here but not on line ${seen.line}`);
        continue;
      }
    } else {
      const existing = lookup.existingCaseByReference.get(reference.toLowerCase());
      if (existing) {
        const clash = caseClash({ ...existing, subjectChildren }, caseFile);
        if (clash) {
          report(
            clash.column,
            `case ${reference} is already in the index with a different ${clash.what.replace(/^a |^another /, '')}`,
          );
          continue;
        }
      }
      cases.set(reference.toLowerCase(), caseFile);
    }
    documents.push({ caseReference: seen?.reference ?? reference, documentType, filedOn });
  }

  if (problems.length > 0) return { caseFiles: [], documents: [], problems };
  return {
    caseFiles: [...cases.values()].map(({ line: _line, ...caseFile }) => caseFile),
    documents,
    problems,
  };
}

function caseClash(
  first: {
    serviceAreaId: string;
    practitionerId: string;
    lawType: LawType;
    isEit: boolean;
    subjectChildren: number;
  },
  next: {
    serviceAreaId: string;
    practitionerId: string;
    lawType: LawType;
    isEit: boolean;
    subjectChildren: number;
  },
): { column: Column; what: string } | null {
  if (first.serviceAreaId !== next.serviceAreaId)
    return { column: 'service_area', what: 'another service area' };
  if (first.practitionerId !== next.practitionerId)
    return { column: 'practitioner_ref', what: 'another practitioner' };
  if (first.lawType !== next.lawType) return { column: 'law_type', what: 'another law type' };
  if (first.isEit !== next.isEit) return { column: 'eit', what: 'another EIT answer' };
  if (first.subjectChildren !== next.subjectChildren)
    return { column: 'subject_children', what: 'another number of subject children' };
  return null;
}
