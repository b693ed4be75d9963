// Validates a practitioner CSV (already split into cells) against the
// organisation. Pure: the caller passes what exists; nothing is written
// unless every row is good.
import { describeTextProblem, looksLikeFormula, textProblem } from './text';
import type { Employment } from './roles';

export const PRACTITIONER_COLUMNS = [
  'reference',
  'name',
  'service_area',
  'team',
  'employment',
  'performance_band',
  'manager_email',
] as const;
export const REQUIRED_PRACTITIONER_COLUMNS = [
  'reference',
  'name',
  'service_area',
  'team',
  'employment',
] as const;
export const MAX_IMPORT_ROWS = 20_000;

export type ImportProblem = { line: number; column: string; reason: string };

export type PractitionerRow = {
  line: number;
  reference: string;
  name: string;
  teamId: string;
  employment: Employment;
  performanceBand: string | null;
  managerId: string | null;
};

export type OrganisationLookup = {
  /** key: `${areaCode.toLowerCase()}\u0000${teamName.toLowerCase()}` */
  teamIdByAreaAndName: Map<string, string>;
  areaCodes: Set<string>; // lower-case
  userIdByEmail: Map<string, string>; // lower-case email
  /** A team's Service Manager, who is its practitioners' manager (lib/domain/team-managers). */
  teamServiceManager?: Map<string, { id: string; name: string }>;
};

export const teamKey = (areaCode: string, teamName: string) =>
  `${areaCode.trim().toLowerCase()}\u0000${teamName.trim().toLowerCase()}`;

const LIMITS: Record<(typeof PRACTITIONER_COLUMNS)[number], number> = {
  reference: 40,
  name: 200,
  service_area: 40,
  team: 120,
  employment: 20,
  performance_band: 20,
  manager_email: 254,
};

export function checkHeader(header: string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (seen.has(name))
      problems.push({ line: 1, column: raw, reason: `column "${raw}" appears twice (column ${index + 1})` });
    seen.add(name);
  });
  for (const required of REQUIRED_PRACTITIONER_COLUMNS) {
    if (!seen.has(required))
      problems.push({ line: 1, column: required, reason: 'required column is missing from the header' });
  }
  return problems;
}

export function validatePractitionerRows(
  header: string[],
  rows: { line: number; cells: string[] }[],
  lookup: OrganisationLookup,
): { rows: PractitionerRow[]; problems: ImportProblem[] } {
  const problems = checkHeader(header);
  if (problems.length > 0) return { rows: [], problems };
  if (rows.length === 0)
    return { rows: [], problems: [{ line: 2, column: '-', reason: 'the file has no practitioner rows' }] };
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      problems: [
        {
          line: MAX_IMPORT_ROWS + 2,
          column: '-',
          reason: `too many rows (${rows.length.toLocaleString('en-GB')}; at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} per file)`,
        },
      ],
    };
  }
  const index = new Map(header.map((name, position) => [name.trim().toLowerCase(), position]));
  const firstLineByReference = new Map<string, number>();
  const valid: PractitionerRow[] = [];

  for (const row of rows) {
    const rowProblems: ImportProblem[] = [];
    const cell = (column: (typeof PRACTITIONER_COLUMNS)[number]): string => {
      const position = index.get(column);
      return position === undefined ? '' : (row.cells[position] ?? '');
    };
    const text = (column: (typeof PRACTITIONER_COLUMNS)[number], required: boolean): string | null => {
      const raw = cell(column);
      const value = raw.trim();
      if (looksLikeFormula(raw) && raw.length > 0) {
        rowProblems.push({
          line: row.line,
          column,
          reason: describeTextProblem('formula', LIMITS[column], raw.length),
        });
        return null;
      }
      const problem = textProblem(value, { maxLength: LIMITS[column], required });
      if (problem) {
        rowProblems.push({
          line: row.line,
          column,
          reason: describeTextProblem(problem, LIMITS[column], value.length),
        });
        return null;
      }
      return value === '' ? null : value;
    };

    const reference = text('reference', true);
    const name = text('name', true);
    const areaCode = text('service_area', true);
    const teamName = text('team', true);
    const employmentText = text('employment', true);
    const performanceBand = text('performance_band', false);
    const managerEmail = text('manager_email', false);

    if (reference !== null) {
      const key = reference.toLowerCase();
      const first = firstLineByReference.get(key);
      if (first !== undefined)
        rowProblems.push({
          line: row.line,
          column: 'reference',
          reason: `duplicate reference "${reference}" (first on line ${first})`,
        });
      else firstLineByReference.set(key, row.line);
    }
    let teamId: string | null = null;
    if (areaCode !== null && teamName !== null) {
      if (!lookup.areaCodes.has(areaCode.toLowerCase())) {
        rowProblems.push({
          line: row.line,
          column: 'service_area',
          reason: `unknown service area "${areaCode}"`,
        });
      } else {
        teamId = lookup.teamIdByAreaAndName.get(teamKey(areaCode, teamName)) ?? null;
        if (teamId === null)
          rowProblems.push({
            line: row.line,
            column: 'team',
            reason: `no team "${teamName}" in service area ${areaCode}`,
          });
      }
    }
    let employment: Employment | null = null;
    if (employmentText !== null) {
      const normalised = employmentText.toLowerCase();
      if (normalised === 'employed') employment = 'EMPLOYED';
      else if (normalised === 'agency') employment = 'AGENCY';
      else
        rowProblems.push({
          line: row.line,
          column: 'employment',
          reason: `must be Employed or Agency, not "${employmentText}"`,
        });
    }
    let managerId: string | null = null;
    if (managerEmail !== null) {
      managerId = lookup.userIdByEmail.get(managerEmail.toLowerCase()) ?? null;
      if (managerId === null)
        rowProblems.push({
          line: row.line,
          column: 'manager_email',
          reason: `no user with email "${managerEmail}"`,
        });
    }

    const teamManager = teamId ? lookup.teamServiceManager?.get(teamId) : undefined;
    if (teamManager && managerId !== null && managerId !== teamManager.id)
      rowProblems.push({
        line: row.line,
        column: 'manager_email',
        reason: `the team's Service Manager is ${teamManager.name}: leave it empty or give theirs`,
      });
    else if (teamManager) managerId = teamManager.id;

    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
    } else if (reference && name && teamId && employment) {
      valid.push({ line: row.line, reference, name, teamId, employment, performanceBand, managerId });
    }
  }
  return { rows: problems.length > 0 ? [] : valid, problems };
}
